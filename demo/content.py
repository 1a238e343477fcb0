"""The demo marketplace's content: sellers of Cao Bằng and their products, stories, pages and accounts.

Communes are given by their ward code in the 2025 two-level units (`vietnam_provinces`); their names
are read from the package when the data is loaded. SKUs, slugs and emails are the natural keys a
second run finds its objects by, so they must not change.
"""

from dataclasses import dataclass, field

PROVINCE_CODE = 4  # Cao Bằng

PRODUCT_CLASSES = ["Thực phẩm", "Đồ uống", "Thủ công mỹ nghệ", "Dược liệu"]

CATEGORIES = [
    "Đặc sản khô > Miến & bún khô",
    "Đặc sản khô > Thạch & bột",
    "Đặc sản khô > Hạt & đậu",
    "Đặc sản khô > Gạo & ngũ cốc",
    "Đặc sản khô > Thịt hun khói",
    "Đặc sản khô > Gia vị & nước chấm",
    "Đặc sản khô > Rau & măng khô",
    "Đồ uống > Chè",
    "Đồ uống > Rượu & mật ong",
    "Thủ công mỹ nghệ > Thổ cẩm",
    "Thủ công mỹ nghệ > Vải chàm",
    "Nông sản tươi > Trái cây",
    "Bánh & kẹo",
    "Dược liệu",
]


@dataclass(frozen=True)
class Product:
    sku: str
    title: str
    description: str
    price: int  # whole đồng
    stock: int
    weight_grams: int
    category: str
    product_class: str
    picture: str  # a drawer of demo.pictures, optionally "drawer:variant"
    ocop_stars: int | None = None
    pictures: int = 1


@dataclass(frozen=True)
class Seller:
    slug: str
    name: str
    owner_name: str
    ward_code: int
    story: str
    email: str
    phone: str
    attire: str  # tay, nung, dao or kinh: how her portrait dresses her
    products: list[Product] = field(default_factory=list)
    waterfall: bool = False  # Bản Giốc falls behind her portrait


@dataclass(frozen=True)
class Story:
    slug: str
    title: str
    seller_slug: str
    intro: str
    body: list[tuple[str, object]]  # StoryBlock stream; ("image", "landscape") or ("image", "product:SKU")


@dataclass(frozen=True)
class Account:
    role: str  # customer, editor, officer or operator; sellers' logins come from SELLERS
    name: str
    email: str
    phone: str
    # Groups: "Union editor"/"Union officer" (Oscar's dashboard, made by a migration) and
    # Wagtail's own: Moderators may publish, Editors submit for moderation.
    groups: tuple[str, ...] = ()
    is_staff: bool = False
    is_superuser: bool = False


SELLERS = [
    Seller(
        slug="htx-mien-dong-phia-den",
        name="Hợp tác xã Miến dong Phia Đén",
        owner_name="Nông Thị Hạnh",
        ward_code=1777,
        attire="tay",
        email="hanh.phiaden@example.com",
        phone="0912 345 601",
        story=(
            "Chị Nông Thị Hạnh sinh ra và lớn lên dưới chân núi Phia Oắc, nơi mùa đông sương phủ trắng những "
            "nương dong riềng. Từ tháng Mười một đến tháng Giêng, hợp tác xã của chị lọc bột, tráng bánh rồi "
            "phơi miến trên giàn tre, không dùng chất tẩy trắng hay phụ gia. Năm 2019, chị được Hội Liên hiệp "
            "Phụ nữ tỉnh hỗ trợ vốn vay và học lớp khởi nghiệp, nhờ đó mua được máy tráng miến và làm bao bì "
            "có tem truy xuất nguồn gốc. Hôm nay hợp tác xã có mười hai thành viên, phần lớn là chị em người "
            "Tày, người Dao trong xã."
        ),
        products=[
            Product(
                sku="PDN-MIEN-500",
                title="Miến dong Phia Đén gói 500g",
                description=(
                    "Miến làm từ bột củ dong riềng trồng trên nương Phia Đén, phơi nắng tự nhiên trên giàn tre. "
                    "Sợi miến dai, trong, nấu không nát và có vị ngọt nhẹ của củ dong. Ngâm nước ấm năm phút "
                    "trước khi xào hoặc nấu canh."
                ),
                price=65000,
                stock=40,
                weight_grams=550,
                category="Đặc sản khô > Miến & bún khô",
                product_class="Thực phẩm",
                picture="noodles",
                ocop_stars=4,
                pictures=2,
            ),
            Product(
                sku="PDN-MIEN-1KG",
                title="Miến dong Phia Đén túi 1kg",
                description=(
                    "Túi lớn cho gia đình và quán ăn, cùng loại miến với gói 500g. Miến khô để được mười hai "
                    "tháng ở nơi thoáng mát, tránh ẩm."
                ),
                price=120000,
                stock=25,
                weight_grams=1050,
                category="Đặc sản khô > Miến & bún khô",
                product_class="Thực phẩm",
                picture="noodles",
                ocop_stars=4,
            ),
            Product(
                sku="PDN-MIEN-SOI-NHO",
                title="Miến dong sợi nhỏ 300g",
                description=(
                    "Sợi nhỏ hơn miến thường, chín nhanh, hợp để nấu canh gà, canh cua hoặc cuộn nem. "
                    "Mỗi mẻ làm ít nên thường hết sớm."
                ),
                price=45000,
                stock=3,
                weight_grams=330,
                category="Đặc sản khô > Miến & bún khô",
                product_class="Thực phẩm",
                picture="noodles",
            ),
            Product(
                sku="PDN-BOT-DONG",
                title="Bột dong riềng nguyên chất 500g",
                description=(
                    "Bột lọc từ củ dong riềng, phơi khô, trắng mịn. Dùng nấu chè, làm bánh hoặc pha nước bột "
                    "dong mát cho trẻ nhỏ và người mới ốm dậy."
                ),
                price=55000,
                stock=0,
                weight_grams=520,
                category="Đặc sản khô > Thạch & bột",
                product_class="Thực phẩm",
                picture="flour",
            ),
            Product(
                sku="PDN-HOP-QUA",
                title="Hộp quà miến dong Phia Đén (3 gói)",
                description=(
                    "Ba gói miến 500g trong hộp giấy in hoa văn thổ cẩm, kèm thiệp giới thiệu người làm. "
                    "Món quà Tết gọn nhẹ, gửi đi xa không sợ vỡ."
                ),
                price=210000,
                stock=12,
                weight_grams=1700,
                category="Đặc sản khô > Miến & bún khô",
                product_class="Thực phẩm",
                picture="noodles",
                ocop_stars=4,
            ),
        ],
    ),
    Seller(
        slug="thach-den-thach-an-luc-duyen",
        name="Cơ sở Thạch đen Lục Duyên",
        owner_name="Lục Thị Duyên",
        ward_code=1807,
        attire="nung",
        email="duyen.thachden@example.com",
        phone="0912 345 602",
        story=(
            "Chị Lục Thị Duyên là người Nùng ở Thạch An, vùng đất nổi tiếng với cây thạch đen. Cây được trồng "
            "trên ruộng bậc thang, cắt vào cuối thu rồi phơi đến khi thân lá chuyển màu nâu đen. Trước kia chị "
            "chỉ bán cây khô cho thương lái với giá rẻ; sau lớp tập huấn của Hội Phụ nữ, chị học cách sơ chế, "
            "đóng gói và làm bột thạch đen để bán thẳng cho người mua. Chị còn thu mua hoa hồi và lá mác mật "
            "của các chị em trong xóm để cùng bán."
        ),
        products=[
            Product(
                sku="TAN-THACH-KHO-500",
                title="Thạch đen khô Thạch An 500g",
                description=(
                    "Cây thạch đen phơi khô, cắt khúc, đã làm sạch. 500g nấu được tám đến mười lít thạch mát, "
                    "thơm mùi thảo mộc. Ninh lấy nước, lọc, thêm chút bột năng rồi để nguội là đông."
                ),
                price=85000,
                stock=30,
                weight_grams=520,
                category="Đặc sản khô > Thạch & bột",
                product_class="Thực phẩm",
                picture="herbs",
                ocop_stars=4,
                pictures=2,
            ),
            Product(
                sku="TAN-THACH-KHO-1KG",
                title="Thạch đen khô Thạch An 1kg",
                description=(
                    "Túi một cân cho quán chè và gia đình đông người. Cây được phơi đủ nắng, không mốc, "
                    "giữ được màu và mùi thơm đặc trưng."
                ),
                price=160000,
                stock=14,
                weight_grams=1030,
                category="Đặc sản khô > Thạch & bột",
                product_class="Thực phẩm",
                picture="herbs",
                ocop_stars=4,
            ),
            Product(
                sku="TAN-BOT-THACH",
                title="Bột thạch đen hòa tan 200g",
                description=(
                    "Chiết từ cây thạch đen Thạch An, chỉ cần khuấy với nước sôi và đường, để nguội ba mươi phút "
                    "là có thạch. Tiện cho gia đình ở thành phố không có thời gian ninh cây."
                ),
                price=69000,
                stock=22,
                weight_grams=230,
                category="Đặc sản khô > Thạch & bột",
                product_class="Thực phẩm",
                picture="jelly",
            ),
            Product(
                sku="TAN-HOA-HOI",
                title="Hoa hồi khô Thạch An 300g",
                description=(
                    "Hoa hồi tám cánh, phơi nắng đến khi cánh đỏ nâu và dậy mùi thơm. Thứ gia vị không thể thiếu "
                    "trong nồi phở, món kho và rượu ngâm."
                ),
                price=95000,
                stock=18,
                weight_grams=320,
                category="Đặc sản khô > Gia vị & nước chấm",
                product_class="Thực phẩm",
                picture="anise",
                ocop_stars=3,
            ),
            Product(
                sku="TAN-LA-MAC-MAT",
                title="Lá mác mật khô 100g",
                description=(
                    "Lá mác mật hái trên núi đá, phơi trong bóng râm. Người Cao Bằng nhồi lá vào bụng vịt quay, "
                    "lợn quay và ướp thịt hun khói để có mùi thơm the nhẹ rất riêng."
                ),
                price=49000,
                stock=2,
                weight_grams=120,
                category="Đặc sản khô > Gia vị & nước chấm",
                product_class="Thực phẩm",
                picture="leaves",
            ),
        ],
    ),
    Seller(
        slug="htx-hat-de-trung-khanh",
        name="Hợp tác xã Hạt dẻ Trùng Khánh",
        owner_name="Hoàng Thị Thu",
        ward_code=1477,
        attire="tay",
        waterfall=True,
        email="thu.hatde@example.com",
        phone="0912 345 603",
        story=(
            "Nhà chị Hoàng Thị Thu có hơn hai trăm gốc dẻ trên những sườn đồi không xa thác Bản Giốc. Hạt dẻ "
            "Trùng Khánh nhỏ, vỏ mỏng, luộc hay rang đều bùi và ngọt, khác hẳn hạt dẻ nhập khẩu. Được Hội Phụ "
            "nữ hỗ trợ vốn và kết nối vào hợp tác xã, chị cùng hai mươi hộ chị em thống nhất cách thu hái, phân "
            "loại và sấy để bán quanh năm. Mùa dẻ từ tháng Tám đến tháng Mười; ngoài mùa, chị bán hạt dẻ sấy."
        ),
        products=[
            Product(
                sku="TKD-HAT-DE-1KG",
                title="Hạt dẻ Trùng Khánh loại 1 (1kg)",
                description=(
                    "Hạt dẻ nhặt dưới gốc khi quả chín tự tách vỏ gai, chọn hạt to, đều, không sâu. Luộc hai mươi "
                    "phút với chút muối hoặc rang cát đều ngon, bùi và thơm như mật."
                ),
                price=180000,
                stock=35,
                weight_grams=1050,
                category="Đặc sản khô > Hạt & đậu",
                product_class="Thực phẩm",
                picture="chestnuts",
                ocop_stars=4,
                pictures=2,
            ),
            Product(
                sku="TKD-HAT-DE-500",
                title="Hạt dẻ Trùng Khánh túi 500g",
                description=(
                    "Túi nhỏ để thử, cùng loại hạt với túi một cân. Hạt dẻ tươi nên bảo quản ngăn mát, "
                    "dùng trong hai tuần."
                ),
                price=95000,
                stock=0,
                weight_grams=530,
                category="Đặc sản khô > Hạt & đậu",
                product_class="Thực phẩm",
                picture="chestnuts",
                ocop_stars=4,
            ),
            Product(
                sku="TKD-DE-SAY",
                title="Hạt dẻ sấy nứt vỏ 300g",
                description=(
                    "Hạt dẻ được sấy đến khi nứt vỏ, bóc dễ, ăn ngay như một món quà vặt. Không đường, "
                    "không dầu, chỉ có vị bùi tự nhiên của hạt."
                ),
                price=85000,
                stock=20,
                weight_grams=320,
                category="Đặc sản khô > Hạt & đậu",
                product_class="Thực phẩm",
                picture="chestnuts:cracked",
            ),
            Product(
                sku="TKD-HOP-QUA-2KG",
                title="Hộp quà hạt dẻ Trùng Khánh 2kg",
                description=(
                    "Hai cân hạt dẻ loại 1 đóng trong giỏ tre đan tay của chị em trong xã. Quà biếu mùa thu "
                    "mang theo hương vị của vùng thác Bản Giốc."
                ),
                price=390000,
                stock=6,
                weight_grams=2150,
                category="Đặc sản khô > Hạt & đậu",
                product_class="Thực phẩm",
                picture="chestnuts",
                ocop_stars=4,
            ),
        ],
    ),
    Seller(
        slug="lap-suon-hun-khoi-be-nguyet",
        name="Cơ sở Lạp sườn hun khói Bế Nguyệt",
        owner_name="Bế Thị Nguyệt",
        ward_code=1576,
        attire="tay",
        email="nguyet.lapsuon@example.com",
        phone="0912 345 604",
        story=(
            "Chị Bế Thị Nguyệt học làm lạp sườn từ mẹ, theo cách của người Tày ở Quảng Uyên: thịt lợn đen thái "
            "tay, ướp rượu ngô, đường phên và chút gừng rồi treo trên gác bếp củi. Khói bếp hun chậm trong hai "
            "tuần làm lạp sườn săn lại, thơm mà không cần chất bảo quản. Năm 2021, nhờ khoản vay ưu đãi qua Hội "
            "Phụ nữ xã, chị xây được buồng hun sạch sẽ và đăng ký hộ kinh doanh. Cơ sở giờ tạo việc làm thường "
            "xuyên cho năm chị em trong xóm."
        ),
        products=[
            Product(
                sku="QUY-LAP-SUON-500",
                title="Lạp sườn hun khói Quảng Uyên 500g",
                description=(
                    "Lạp sườn nạc vai và mỡ phần, tỉ lệ bảy nạc ba mỡ, hun khói củi hai tuần. Hấp mười phút rồi "
                    "áp chảo cho xém cạnh, thái lát mỏng ăn với xôi nếp là đúng vị Cao Bằng."
                ),
                price=175000,
                stock=28,
                weight_grams=520,
                category="Đặc sản khô > Thịt hun khói",
                product_class="Thực phẩm",
                picture="sausages",
                ocop_stars=3,
                pictures=2,
            ),
            Product(
                sku="QUY-LAP-SUON-1KG",
                title="Lạp sườn hun khói 1kg (hút chân không)",
                description=(
                    "Một cân lạp sườn chia hai túi hút chân không, để ngăn mát được ba tháng. Gửi đi các tỉnh "
                    "phía Nam vẫn giữ nguyên mùi khói bếp."
                ),
                price=340000,
                stock=9,
                weight_grams=1040,
                category="Đặc sản khô > Thịt hun khói",
                product_class="Thực phẩm",
                picture="sausages",
                ocop_stars=3,
            ),
            Product(
                sku="QUY-THIT-HUN-KHOI",
                title="Thịt lợn hun khói gác bếp 500g",
                description=(
                    "Thịt ba chỉ lợn đen ướp lá mác mật và gừng, treo gác bếp đến khi bì vàng sẫm. Rửa qua nước "
                    "ấm, hấp chín rồi thái mỏng, ăn kèm rau cải luộc."
                ),
                price=220000,
                stock=3,
                weight_grams=520,
                category="Đặc sản khô > Thịt hun khói",
                product_class="Thực phẩm",
                picture="sausages:slab",
            ),
            Product(
                sku="QUY-BANH-KHAO",
                title="Bánh khảo Quảng Uyên hộp 400g",
                description=(
                    "Bánh khảo làm từ bột nếp rang, đường và mỡ nước, nén khuôn gỗ in hoa. Bánh mềm, tan trong "
                    "miệng, thơm mùi nếp mới; người Tày dâng bánh lên bàn thờ ngày Tết."
                ),
                price=60000,
                stock=45,
                weight_grams=450,
                category="Bánh & kẹo",
                product_class="Thực phẩm",
                picture="cakes",
            ),
            Product(
                sku="QUY-BANH-KHAO-LAC",
                title="Bánh khảo nhân lạc vừng 400g",
                description=(
                    "Bánh khảo có nhân lạc rang và vừng đen giã nhỏ, ngọt vừa, bùi hơn bánh thường. "
                    "Chỉ làm vào dịp cuối năm."
                ),
                price=65000,
                stock=0,
                weight_grams=450,
                category="Bánh & kẹo",
                product_class="Thực phẩm",
                picture="cakes",
            ),
        ],
    ),
    Seller(
        slug="to-hop-tac-quyt-tra-linh",
        name="Tổ hợp tác Quýt Trà Lĩnh",
        owner_name="Lương Thị Phượng",
        ward_code=1447,
        attire="nung",
        email="phuong.quyt@example.com",
        phone="0912 345 605",
        story=(
            "Chị Lương Thị Phượng là người Nùng ở Trà Lĩnh, nơi quýt được trồng trên đất đá vôi và chín vào dịp "
            "cuối năm. Quýt Trà Lĩnh vỏ mỏng màu vàng cam, múi mọng, ngọt thanh và thơm tinh dầu. Sau khóa học "
            "sản xuất an toàn do Hội Phụ nữ tỉnh mở, chị cùng tổ hợp tác chuyển sang bón phân chuồng hoai, "
            "không phun thuốc trước thu hoạch. Ngoài quả tươi, chị làm quýt sấy dẻo và mứt vỏ quýt để chị em có "
            "thu nhập cả sau mùa."
        ),
        products=[
            Product(
                sku="TLQ-QUYT-5KG",
                title="Quýt Trà Lĩnh thùng 5kg",
                description=(
                    "Quýt hái khi đã chín cây, đóng thùng có lỗ thông hơi và lót lá. Vỏ mỏng dễ bóc, múi ngọt "
                    "đậm, để được hai tuần ở nhiệt độ phòng."
                ),
                price=250000,
                stock=15,
                weight_grams=5400,
                category="Nông sản tươi > Trái cây",
                product_class="Thực phẩm",
                picture="fruit",
                ocop_stars=4,
                pictures=2,
            ),
            Product(
                sku="TLQ-QUYT-3KG",
                title="Quýt Trà Lĩnh hộp 3kg",
                description=(
                    "Hộp nhỏ ba cân, quả chọn đều, còn cuống và lá. Hợp làm quà mang đi hoặc bày mâm ngũ quả ngày Tết."
                ),
                price=160000,
                stock=2,
                weight_grams=3300,
                category="Nông sản tươi > Trái cây",
                product_class="Thực phẩm",
                picture="fruit",
                ocop_stars=4,
            ),
            Product(
                sku="TLQ-QUYT-SAY",
                title="Quýt sấy dẻo 250g",
                description=(
                    "Quýt thái lát, sấy lạnh đến khi dẻo, giữ nguyên vị chua ngọt và mùi thơm của vỏ. "
                    "Ăn vặt hoặc thả vào trà nóng."
                ),
                price=75000,
                stock=24,
                weight_grams=270,
                category="Bánh & kẹo",
                product_class="Thực phẩm",
                picture="slices",
            ),
            Product(
                sku="TLQ-MUT-VO-QUYT",
                title="Mứt vỏ quýt Trà Lĩnh 200g",
                description=(
                    "Vỏ quýt ngâm nước muối cho hết đắng rồi sên với đường phên, dẻo và thơm. "
                    "Món mứt Tết của các bà, các mẹ người Nùng."
                ),
                price=55000,
                stock=0,
                weight_grams=230,
                category="Bánh & kẹo",
                product_class="Thực phẩm",
                picture="jars:jam",
            ),
        ],
    ),
    Seller(
        slug="tho-cam-dao-tien-phan-thanh",
        name="Tổ hợp tác Thổ cẩm Dao Tiền Phan Thanh",
        owner_name="Bàn Thị Sành",
        ward_code=1768,
        attire="dao",
        email="sanh.thocam@example.com",
        phone="0912 345 606",
        story=(
            "Chị Bàn Thị Sành là người Dao Tiền ở Phan Thanh; từ năm mười tuổi chị đã theo bà học thêu hoa văn "
            "bằng chỉ đỏ, vàng, trắng trên nền vải chàm. Mỗi chiếc khăn hay túi đều được nhuộm chàm, vẽ sáp ong "
            "và thêu tay, mất từ vài ngày đến vài tuần. Năm 2020, chị tham gia chương trình hỗ trợ phụ nữ khởi "
            "nghiệp của Hội Liên hiệp Phụ nữ tỉnh, học cách tính giá thành, chụp ảnh sản phẩm và bán hàng trực "
            "tuyến. Giờ đây tổ thêu của chị có mười lăm chị em, ai cũng vừa làm nương vừa thêu được tại nhà."
        ),
        products=[
            Product(
                sku="DTP-TUI-DEO-CHEO",
                title="Túi đeo chéo thổ cẩm Dao Tiền",
                description=(
                    "Túi vải chàm thêu tay hoa văn sao tám cánh, quai đeo dài, có ngăn trong và khóa kéo. "
                    "Mỗi chiếc thêu mất khoảng một tuần nên hoa văn không chiếc nào giống hẳn chiếc nào."
                ),
                price=380000,
                stock=8,
                weight_grams=350,
                category="Thủ công mỹ nghệ > Thổ cẩm",
                product_class="Thủ công mỹ nghệ",
                picture="bag",
                ocop_stars=3,
                pictures=2,
            ),
            Product(
                sku="DTP-KHAN-THEU",
                title="Khăn quàng chàm thêu tay",
                description=(
                    "Khăn dài 1,6m dệt bông, nhuộm chàm, hai đầu thêu dải hoa văn và tua chỉ màu. Ấm vào mùa "
                    "đông, thoáng vào mùa hè; giặt tay bằng nước lạnh."
                ),
                price=450000,
                stock=3,
                weight_grams=200,
                category="Thủ công mỹ nghệ > Thổ cẩm",
                product_class="Thủ công mỹ nghệ",
                picture="scarf",
            ),
            Product(
                sku="DTP-VI-CAM-TAY",
                title="Ví cầm tay thổ cẩm",
                description=(
                    "Ví nhỏ may từ những dải thổ cẩm thừa khi may áo, có khóa kéo và quai đeo cổ tay. "
                    "Vừa điện thoại, tiền và chìa khóa."
                ),
                price=150000,
                stock=20,
                weight_grams=120,
                category="Thủ công mỹ nghệ > Thổ cẩm",
                product_class="Thủ công mỹ nghệ",
                picture="purse",
            ),
            Product(
                sku="DTP-VO-GOI",
                title="Vỏ gối thổ cẩm 45x45cm",
                description=("Vỏ gối tựa thêu kín mặt, bốn góc đính tua len đỏ. Có khóa kéo ẩn, vừa ruột gối 45cm."),
                price=260000,
                stock=10,
                weight_grams=250,
                category="Thủ công mỹ nghệ > Thổ cẩm",
                product_class="Thủ công mỹ nghệ",
                picture="pillow",
            ),
            Product(
                sku="DTP-TUI-TOTE",
                title="Túi tote vải chàm in sáp ong",
                description=(
                    "Hoa văn được vẽ bằng sáp ong nóng rồi nhuộm chàm nhiều lần, khi đun sôi cho sáp tan sẽ hiện "
                    "lên màu xanh nhạt. Túi rộng, đựng vừa máy tính mười bốn inch."
                ),
                price=320000,
                stock=0,
                weight_grams=300,
                category="Thủ công mỹ nghệ > Vải chàm",
                product_class="Thủ công mỹ nghệ",
                picture="bag:tote",
                ocop_stars=3,
            ),
            Product(
                sku="DTP-KHAN-TRAI-BAN",
                title="Khăn trải bàn thổ cẩm 1,2m",
                description=(
                    "Khăn trải bàn dài 1,2m ghép từ vải chàm và ba dải thổ cẩm thêu tay. Tổ thêu chỉ làm vài "
                    "chiếc mỗi tháng, có thể đặt trước theo kích thước."
                ),
                price=850000,
                stock=2,
                weight_grams=600,
                category="Thủ công mỹ nghệ > Thổ cẩm",
                product_class="Thủ công mỹ nghệ",
                picture="cloth",
            ),
        ],
    ),
    Seller(
        slug="to-may-ao-cham-lung-nam",
        name="Tổ may áo chàm Lũng Nặm",
        owner_name="Vi Thị Mỷ",
        ward_code=1393,
        attire="nung",
        email="my.aocham@example.com",
        phone="0912 345 607",
        story=(
            "Chị Vi Thị Mỷ là người Nùng ở Lũng Nặm, nơi gần như nhà nào cũng có khung dệt và chum nhuộm chàm. "
            "Vải bông dệt tay được ngâm chàm nhiều lần cho lên màu xanh đen rồi mới cắt may thành áo, thành khăn "
            "theo kiểu của người Nùng. Với khoản vốn nhỏ và lớp tập huấn của Hội Phụ nữ, chị may thêm túi, khăn "
            "và đồ trang trí để khách ở xa dễ mua làm quà. Đồ chàm giữ mùi chàm dịu và có thể bạc màu nhẹ theo "
            "thời gian, dấu hiệu của màu nhuộm tự nhiên."
        ),
        products=[
            Product(
                sku="LNC-KHAN-VUONG",
                title="Khăn vuông chàm Nùng",
                description=(
                    "Khăn vuông người Nùng vẫn đội hằng ngày, vải bông nhuộm chàm, viền chỉ trắng. Dùng quàng cổ, "
                    "buộc tóc hoặc làm khăn trải nhỏ."
                ),
                price=180000,
                stock=12,
                weight_grams=120,
                category="Thủ công mỹ nghệ > Vải chàm",
                product_class="Thủ công mỹ nghệ",
                picture="scarf:indigo",
            ),
            Product(
                sku="LNC-TUI-CHAM",
                title="Túi chàm thêu viền thổ cẩm",
                description=(
                    "Túi vải chàm dày, miệng túi viền dải thêu trắng và xanh nhạt, quai vải bản to. "
                    "Bền, càng dùng càng mềm."
                ),
                price=290000,
                stock=5,
                weight_grams=280,
                category="Thủ công mỹ nghệ > Vải chàm",
                product_class="Thủ công mỹ nghệ",
                picture="bag:indigo",
                ocop_stars=3,
            ),
            Product(
                sku="LNC-AO-CHAM-NU",
                title="Áo chàm Nùng may tay (nữ)",
                description=(
                    "Áo cổ đứng cài khuy vải bên nách phải, may tay từ vải chàm dệt ở Lũng Nặm. Có cỡ S, M, L; "
                    "ghi cỡ khi đặt hàng, chị Mỷ sẽ gọi lại xác nhận số đo."
                ),
                price=750000,
                stock=2,
                weight_grams=450,
                category="Thủ công mỹ nghệ > Vải chàm",
                product_class="Thủ công mỹ nghệ",
                picture="cloth:shirt",
            ),
            Product(
                sku="LNC-VAI-CHAM-1M",
                title="Vải chàm dệt tay (1 mét)",
                description=(
                    "Vải bông khổ 40cm dệt trên khung gỗ, nhuộm chàm bảy lần. Bán theo mét cho người may đồ "
                    "thủ công và nhà thiết kế."
                ),
                price=220000,
                stock=0,
                weight_grams=250,
                category="Thủ công mỹ nghệ > Vải chàm",
                product_class="Thủ công mỹ nghệ",
                picture="cloth:indigo",
            ),
        ],
    ),
    Seller(
        slug="htx-nep-pi-pat-hoa-an",
        name="Hợp tác xã Nếp Pì Pất Hòa An",
        owner_name="Đàm Thị Huyền",
        ward_code=1654,
        attire="tay",
        email="huyen.nep@example.com",
        phone="0912 345 608",
        story=(
            "Chị Đàm Thị Huyền là người Tày ở Hòa An, cánh đồng lớn của tỉnh, nơi giống nếp Pì Pất được cấy mỗi "
            "năm một vụ. Hạt nếp tròn, trắng đục, đồ xôi dẻo thơm và để nguội vẫn không cứng; người Tày dùng để "
            "gói bánh chưng, làm bánh khảo ngày Tết. Chị vận động ba mươi hộ chị em cùng cấy theo một quy trình, "
            "rồi nhờ khoản vay từ Hội Phụ nữ mua máy xát và máy hút chân không. Gạo được xát mới theo từng đơn "
            "hàng để giữ hương thơm."
        ),
        products=[
            Product(
                sku="HAN-NEP-PI-PAT-2KG",
                title="Gạo nếp Pì Pất túi 2kg",
                description=(
                    "Nếp Pì Pất vụ mùa, xát mới, hạt tròn mẩy. Ngâm bốn tiếng rồi đồ xôi, hạt dẻo mà không nát, "
                    "mùi thơm lan khắp bếp."
                ),
                price=90000,
                stock=50,
                weight_grams=2050,
                category="Đặc sản khô > Gạo & ngũ cốc",
                product_class="Thực phẩm",
                picture="rice",
                ocop_stars=4,
                pictures=2,
            ),
            Product(
                sku="HAN-NEP-PI-PAT-5KG",
                title="Gạo nếp Pì Pất túi 5kg",
                description=(
                    "Túi năm cân hút chân không cho gia đình gói bánh chưng, nấu rượu nếp. Giá tốt hơn khi mua túi lớn."
                ),
                price=215000,
                stock=18,
                weight_grams=5100,
                category="Đặc sản khô > Gạo & ngũ cốc",
                product_class="Thực phẩm",
                picture="rice",
                ocop_stars=4,
            ),
            Product(
                sku="HAN-NEP-CAM-1KG",
                title="Gạo nếp cẩm 1kg",
                description=(
                    "Nếp cẩm hạt tím than, nấu xôi có màu tím đẹp và vị bùi. Dùng làm rượu nếp cẩm, "
                    "sữa chua nếp cẩm hoặc xôi ngũ sắc."
                ),
                price=70000,
                stock=2,
                weight_grams=1030,
                category="Đặc sản khô > Gạo & ngũ cốc",
                product_class="Thực phẩm",
                picture="rice:purple",
            ),
            Product(
                sku="HAN-BOT-NEP-RANG",
                title="Bột nếp Pì Pất rang 500g",
                description=(
                    "Nếp rang vàng trên chảo gang rồi xay mịn, là bột để làm bánh khảo, bánh chè lam. "
                    "Thơm mùi nếp rang ngay khi mở túi."
                ),
                price=55000,
                stock=16,
                weight_grams=520,
                category="Đặc sản khô > Thạch & bột",
                product_class="Thực phẩm",
                picture="flour:toasted",
            ),
        ],
    ),
    Seller(
        slug="tuong-cao-binh-nong-van",
        name="Cơ sở Tương Cao Bình Nông Vân",
        owner_name="Nông Thị Vân",
        ward_code=1273,
        attire="kinh",
        email="van.tuong@example.com",
        phone="0912 345 609",
        story=(
            "Chị Nông Thị Vân là con dâu làng Cao Bình, nơi nghề làm tương được truyền qua nhiều thế hệ. Tương "
            "ủ từ đậu tương rang vàng, mốc gạo nếp và nước giếng làng trong chum sành, phơi nắng suốt ba tháng "
            "hè cho ngả màu nâu cánh gián. Khi Hội Phụ nữ phường giúp chị hoàn thiện hồ sơ an toàn thực phẩm và "
            "nhãn mác, tương của chị bắt đầu có mặt ở các cửa hàng đặc sản trong tỉnh. Chị vẫn giữ cách làm cũ: "
            "không chất bảo quản, mỗi mẻ chỉ vài trăm lít."
        ),
        products=[
            Product(
                sku="CBT-TUONG-500ML",
                title="Tương Cao Bình chai 500ml",
                description=(
                    "Tương đậu tương ủ chum ba tháng, sánh, ngọt hậu, thơm mùi đậu rang. Chấm rau luộc, thịt "
                    "luộc, đậu phụ hay kho cá đều ngon."
                ),
                price=45000,
                stock=60,
                weight_grams=650,
                category="Đặc sản khô > Gia vị & nước chấm",
                product_class="Thực phẩm",
                picture="jars:sauce",
                ocop_stars=4,
                pictures=2,
            ),
            Product(
                sku="CBT-TUONG-1L",
                title="Tương Cao Bình can 1 lít",
                description=(
                    "Can một lít cho gia đình và quán ăn. Để nơi thoáng mát, tương càng để lâu càng đậm màu và dậy mùi."
                ),
                price=80000,
                stock=20,
                weight_grams=1200,
                category="Đặc sản khô > Gia vị & nước chấm",
                product_class="Thực phẩm",
                picture="jars:sauce",
                ocop_stars=4,
            ),
            Product(
                sku="CBT-TUONG-OT",
                title="Tương ớt Cao Bằng hũ 250g",
                description=(
                    "Ớt chỉ thiên, tỏi và tương Cao Bình xay cùng nhau, cay nồng mà không gắt. Hợp ăn cùng "
                    "phở chua, bánh cuốn và đồ nướng."
                ),
                price=35000,
                stock=30,
                weight_grams=320,
                category="Đặc sản khô > Gia vị & nước chấm",
                product_class="Thực phẩm",
                picture="jars:chilli",
            ),
        ],
    ),
    Seller(
        slug="htx-nong-lam-san-bao-lac",
        name="Hợp tác xã Nông lâm sản Bảo Lạc",
        owner_name="Triệu Thị Mai",
        ward_code=1321,
        attire="dao",
        email="mai.baolac@example.com",
        phone="0912 345 610",
        story=(
            "Chị Triệu Thị Mai là người Dao Đỏ ở Bảo Lạc, vùng núi cao bên sông Gâm, nơi người dân vẫn nuôi ong, "
            "hái chè cổ thụ và nấu rượu ngô theo cách cha ông. Năm 2018, chị cùng mười hai chị em lập hợp tác xã "
            "để gom sản phẩm của các hộ trong bản, đóng gói, dán tem và bán chung. Hội Phụ nữ tỉnh hỗ trợ hợp tác "
            "xã vốn vay, lớp học kế toán và lần đầu đưa chị xuống Hà Nội dự hội chợ. Mật ong, chè và măng đều "
            "thu hái theo mùa nên có lúc hết hàng; chị bảo, thế mới là hàng thật."
        ),
        products=[
            Product(
                sku="BLX-MAT-ONG-500ML",
                title="Mật ong hoa bạc hà Bảo Lạc 500ml",
                description=(
                    "Mật ong thu vào mùa hoa bạc hà dại nở tím các sườn núi cuối năm. Mật sánh, màu hổ phách, "
                    "ngọt thanh có chút the mát ở cuối lưỡi."
                ),
                price=280000,
                stock=10,
                weight_grams=750,
                category="Đồ uống > Rượu & mật ong",
                product_class="Thực phẩm",
                picture="jars:honey",
                ocop_stars=3,
                pictures=2,
            ),
            Product(
                sku="BLX-CHE-SHAN-TUYET",
                title="Chè Shan tuyết cổ thụ 200g",
                description=(
                    "Búp chè hái từ những cây chè cổ thụ phủ lông tơ trắng, sao tay trên chảo gang. "
                    "Nước chè vàng sáng, vị chát dịu rồi ngọt hậu kéo dài."
                ),
                price=250000,
                stock=14,
                weight_grams=260,
                category="Đồ uống > Chè",
                product_class="Đồ uống",
                picture="tea",
                ocop_stars=4,
                pictures=2,
            ),
            Product(
                sku="BLX-RUOU-NGO-1L",
                title="Rượu ngô men lá Bảo Lạc 1 lít",
                description=(
                    "Rượu nấu từ ngô nương và men lá rừng, chưng cất hai lần, độ rượu khoảng 40. "
                    "Chỉ bán cho khách trên 18 tuổi."
                ),
                price=120000,
                stock=7,
                weight_grams=1500,
                category="Đồ uống > Rượu & mật ong",
                product_class="Đồ uống",
                picture="bottle",
            ),
            Product(
                sku="BLX-MANG-KHO-500",
                title="Măng khô Bảo Lạc 500g",
                description=(
                    "Măng nứa rừng luộc rồi phơi nắng đến khi vàng óng, xé sợi. Ngâm qua đêm, luộc lại hai nước "
                    "rồi hầm chân giò hoặc xào thịt trâu."
                ),
                price=150000,
                stock=25,
                weight_grams=520,
                category="Đặc sản khô > Rau & măng khô",
                product_class="Thực phẩm",
                picture="bamboo",
            ),
            Product(
                sku="BLX-TRAM-DEN-1KG",
                title="Trám đen tươi 1kg",
                description=(
                    "Trám đen hái trên cây rừng vào tháng Bảy, tháng Tám. Ngâm nước ấm cho mềm rồi chấm muối "
                    "vừng hoặc om với cá; hết mùa thì hết hàng."
                ),
                price=90000,
                stock=0,
                weight_grams=1100,
                category="Nông sản tươi > Trái cây",
                product_class="Thực phẩm",
                picture="fruit:black",
            ),
        ],
    ),
    Seller(
        slug="to-hop-tac-duoc-lieu-thong-nong",
        name="Tổ hợp tác Dược liệu Thông Nông",
        owner_name="Chu Thị Thêm",
        ward_code=1363,
        attire="nung",
        email="them.duoclieu@example.com",
        phone="0912 345 611",
        story=(
            "Chị Chu Thị Thêm là người Nùng ở Thông Nông, vùng núi đá nơi các bà, các mẹ vẫn lên rừng hái thuốc. "
            "Từ năm 2022, tổ hợp tác của chị trồng hà thủ ô, giảo cổ lam và kim ngân dưới tán rừng theo hướng "
            "dẫn của cán bộ khuyến nông, không hái cạn cây rừng. Hội Phụ nữ giúp tổ vay vốn làm nhà sấy và "
            "kết nối với phòng kiểm nghiệm để có giấy chứng nhận chất lượng. Mười chị em trong tổ giờ có thu "
            "nhập đều đặn mà không phải đi làm thuê xa nhà."
        ),
        products=[
            Product(
                sku="TND-HA-THU-O-500",
                title="Hà thủ ô đỏ thái lát 500g",
                description=(
                    "Củ hà thủ ô đỏ trồng dưới tán rừng, thái lát và chế với đậu đen theo cách cổ truyền. "
                    "Dùng sắc nước hoặc ngâm rượu; người có bệnh nên hỏi thầy thuốc trước khi dùng."
                ),
                price=180000,
                stock=3,
                weight_grams=520,
                category="Dược liệu",
                product_class="Dược liệu",
                picture="slices:root",
                ocop_stars=3,
            ),
            Product(
                sku="TND-GIAO-CO-LAM",
                title="Trà giảo cổ lam 200g",
                description=(
                    "Giảo cổ lam năm lá phơi trong nhà sấy, giữ được màu xanh. Hãm như trà, vị đắng nhẹ rồi "
                    "ngọt hậu, uống thay nước hằng ngày."
                ),
                price=120000,
                stock=26,
                weight_grams=230,
                category="Dược liệu",
                product_class="Dược liệu",
                picture="tea:herbal",
            ),
            Product(
                sku="TND-KIM-NGAN-200",
                title="Hoa kim ngân sấy khô 200g",
                description=(
                    "Nụ hoa kim ngân hái sáng sớm khi chưa nở, sấy nhẹ cho giữ màu vàng trắng. "
                    "Pha trà thanh nhiệt, thơm dịu mùi hoa."
                ),
                price=110000,
                stock=11,
                weight_grams=220,
                category="Dược liệu",
                product_class="Dược liệu",
                picture="leaves:flowers",
            ),
        ],
    ),
]

HOME_HERO_TITLE = "Đặc sản Cao Bằng, từ bàn tay những người phụ nữ"
HOME_HERO_TEXT = (
    "Miến dong Phia Đén, hạt dẻ Trùng Khánh, thổ cẩm Dao Tiền: mỗi sản phẩm ở đây do một chị, một hợp tác xã "
    "của phụ nữ Cao Bằng làm ra. Mua hàng của nhiều người bán trong một giỏ, và đọc câu chuyện của người làm."
)
HOME_HERO_BUTTON = "Xem sản phẩm"
# The programme in figures, as cms migration 0006 fills them on an existing home page.
HOME_FIGURES = [
    ("850", "lớp tập huấn"),
    ("60.000", "lượt hội viên"),
    ("hơn 20 tỷ đồng", "vốn"),
    ("70", "mô hình hoạt động hiệu quả"),
]
# What the demo home page features: so many of the newest stories, products of so many sellers, sellers.
HOME_FEATURED_STORIES = 2
HOME_FEATURED_PRODUCTS = 4
HOME_FEATURED_SELLERS = 3

STORY_INDEX = {
    "slug": "cau-chuyen",
    "title": "Câu chuyện",
    "intro": (
        "Những người phụ nữ đứng sau mỗi sản phẩm: họ là ai, sống ở đâu, làm ra món hàng của mình như thế nào "
        "và đã vượt qua những gì để bắt đầu kinh doanh."
    ),
}

STORIES = [
    Story(
        slug="mua-dong-tren-gian-phoi-mien",
        title="Mùa đông trên giàn phơi miến Phia Đén",
        seller_slug="htx-mien-dong-phia-den",
        intro=(
            "Khi sương còn phủ dưới chân núi Phia Oắc, chị Nông Thị Hạnh và các chị em đã ra giàn phơi. "
            "Mười hai người phụ nữ làm nên thứ miến dong trong và dai nhất vùng."
        ),
        body=[
            ("heading", "Từ củ dong đến sợi miến"),
            (
                "paragraph",
                "<p>Củ dong riềng được nhổ vào đầu mùa đông, rửa sạch rồi xay lấy bột. Bột được lọc nhiều lần "
                "qua vải mỏng, để lắng qua đêm. Sáng hôm sau, các chị tráng bột thành bánh mỏng, hấp chín và "
                "đem phơi cho se mặt trước khi thái sợi.</p>",
            ),
            ("image", "landscape"),
            (
                "paragraph",
                "<p>Trước năm 2019, mỗi nhà làm một ít, bán cho thương lái với giá họ đặt. Khi Hội Phụ nữ tỉnh "
                "mở lớp <b>Hỗ trợ phụ nữ khởi nghiệp</b>, chị Hạnh là một trong những học viên đầu tiên của xã: "
                "chị học lập kế hoạch kinh doanh, tính giá thành và làm hồ sơ xin vay vốn.</p>",
            ),
            (
                "quote",
                {
                    "text": "Ngày trước làm miến chỉ để ăn Tết. Giờ miến của chị em mình đi khắp nơi, "
                    "có cả người ở Sài Gòn đặt mua.",
                    "author": "Nông Thị Hạnh",
                },
            ),
            ("heading", "Hợp tác xã của những người phụ nữ"),
            (
                "paragraph",
                "<p>Hợp tác xã có mười hai thành viên, chia nhau việc trồng dong, lọc bột và đóng gói. Miến "
                "được phơi nắng tự nhiên, không chất tẩy trắng, và mỗi gói đều có tem truy xuất nguồn gốc. "
                "Sản phẩm đã đạt chứng nhận <i>OCOP 4 sao</i> của tỉnh.</p>",
            ),
            ("image", "product:PDN-MIEN-500"),
        ],
    ),
    Story(
        slug="soi-chi-do-tren-nen-cham",
        title="Sợi chỉ đỏ trên nền chàm Dao Tiền",
        seller_slug="tho-cam-dao-tien-phan-thanh",
        intro=(
            "Chị Bàn Thị Sành học thêu từ năm mười tuổi. Hôm nay chị dẫn dắt mười lăm chị em người Dao Tiền "
            "đưa hoa văn của bà, của mẹ đến với người mua ở khắp nơi."
        ),
        body=[
            ("heading", "Mỗi hoa văn là một câu chuyện"),
            (
                "paragraph",
                "<p>Người Dao Tiền ở Phan Thanh thêu bằng chỉ đỏ, vàng và trắng trên nền vải chàm. Ngôi sao "
                "tám cánh, hình răng cưa, hình cây thông: mỗi hoa văn có tên gọi và ý nghĩa riêng, được truyền "
                "lại qua từng thế hệ phụ nữ trong nhà.</p>",
            ),
            ("image", "product:DTP-TUI-DEO-CHEO"),
            (
                "paragraph",
                "<p>Một chiếc túi cần vài ngày thêu, một chiếc khăn lớn cần vài tuần. Nhờ lớp học của Hội Phụ "
                "nữ tỉnh, chị Sành biết tính công cho từng đường kim, chụp ảnh sản phẩm bằng điện thoại và trả "
                "lời khách hỏi hàng trên mạng.</p>",
            ),
            (
                "quote",
                {
                    "text": "Chị em thêu lúc nông nhàn, ngay ở nhà mình. Tiền bán túi đủ cho con đi học.",
                    "author": "Bàn Thị Sành",
                },
            ),
            ("heading", "Giữ nghề bằng cách bán được hàng"),
            (
                "paragraph",
                "<p>Tổ thêu nhận cả đơn đặt theo kích thước và màu sắc. Mỗi sản phẩm đều ghi tên người thêu, "
                "để người mua biết chiếc túi của mình do bàn tay ai làm ra.</p>",
            ),
            ("image", "landscape"),
        ],
    ),
    Story(
        slug="mua-de-ben-thac-ban-gioc",
        title="Mùa dẻ bên thác Bản Giốc",
        seller_slug="htx-hat-de-trung-khanh",
        intro=(
            "Cứ tháng Tám, khi quả dẻ nứt gai, chị Hoàng Thị Thu lại dậy từ tờ mờ sáng để nhặt những hạt dẻ "
            "rụng đêm qua trên đồi."
        ),
        body=[
            ("heading", "Hạt dẻ nhỏ mà bùi"),
            (
                "paragraph",
                "<p>Hạt dẻ Trùng Khánh nhỏ hơn hạt dẻ nhập khẩu nhưng vỏ mỏng, ruột vàng, bùi và ngọt. "
                "Cây dẻ ưa đất đồi và khí hậu mát của vùng núi gần thác Bản Giốc, mỗi năm chỉ cho một mùa quả.</p>",
            ),
            ("image", "landscape"),
            (
                "paragraph",
                "<p>Trước đây, mùa dẻ là mùa bán vội: hạt dẻ tươi để lâu sẽ mọc mầm hoặc mốc. Hợp tác xã, với "
                "vốn vay từ chương trình của Hội Phụ nữ, đầu tư lò sấy để có hạt dẻ sấy nứt vỏ bán quanh năm.</p>",
            ),
            (
                "quote",
                {
                    "text": "Hạt dẻ đẹp thì bán tươi, hạt nhỏ thì sấy. Không hạt nào phải bỏ đi.",
                    "author": "Hoàng Thị Thu",
                },
            ),
            ("image", "product:TKD-HAT-DE-1KG"),
        ],
    ),
    Story(
        slug="chum-tuong-lang-cao-binh",
        title="Những chum tương làng Cao Bình",
        seller_slug="tuong-cao-binh-nong-van",
        intro=(
            "Ba tháng hè, những chum tương của chị Nông Thị Vân phơi mình dưới nắng. Đó là cách làm của "
            "làng Cao Bình từ hàng trăm năm nay."
        ),
        body=[
            ("heading", "Đậu tương, mốc nếp và nắng hè"),
            (
                "paragraph",
                "<p>Đậu tương được rang vàng rồi ngâm, gạo nếp được đồ lên để ủ mốc. Tất cả cho vào chum sành "
                "cùng nước giếng làng và muối, mỗi sáng mở nắp cho tương đón nắng, tối đậy lại.</p>",
            ),
            ("image", "product:CBT-TUONG-500ML"),
            (
                "paragraph",
                "<p>Khi muốn đưa tương vào cửa hàng, chị Vân gặp khó với giấy tờ an toàn thực phẩm. Cán bộ Hội "
                "Phụ nữ phường đã cùng chị làm hồ sơ, thiết kế nhãn mác và đăng ký sản phẩm OCOP.</p>",
            ),
            (
                "quote",
                {
                    "text": "Tương ngon phải có nắng. Mưa nhiều năm nào thì tương năm ấy kém thơm.",
                    "author": "Nông Thị Vân",
                },
            ),
            ("image", "landscape"),
        ],
    ),
]

PROGRAMME_PAGE = {
    "slug": "ve-chuong-trinh",
    "title": "Về chương trình",
    "body": (
        "<h2>Hỗ trợ phụ nữ khởi nghiệp</h2>"
        "<p>Chợ OCOP Cao Bằng ra đời từ chương trình <b>Hỗ trợ phụ nữ khởi nghiệp</b> của Hội Liên hiệp Phụ nữ "
        "tỉnh Cao Bằng. Chương trình giúp chị em ở các xã vùng cao biến nghề truyền thống của gia đình thành "
        "một công việc kinh doanh có thu nhập ổn định.</p>"
        "<h2>Tám năm, những con số</h2>"
        "<ul>"
        "<li>850 lớp tập huấn cho khoảng 60.000 hội viên: lập kế hoạch kinh doanh, tính giá thành, "
        "an toàn thực phẩm, bán hàng trực tuyến.</li>"
        "<li>Hơn 20 tỷ đồng vốn vay ưu đãi và tài trợ đến tay chị em.</li>"
        "<li>Hơn 100 ý tưởng kinh doanh được hỗ trợ, trong đó hơn 70 đến nay vẫn hoạt động.</li>"
        "<li>Nhiều cơ sở và hợp tác xã do phụ nữ dân tộc thiểu số làm chủ: Tày, Nùng, Dao, Mông, Lô Lô.</li>"
        "</ul>"
        "<h2>Chợ để làm gì</h2>"
        "<p>Sản phẩm làm ra cần người mua ở xa hơn chợ phiên của xã. Trên chợ, mỗi chị có gian hàng riêng, tự "
        "đăng sản phẩm từ điện thoại, tự quản lý hàng tồn và giao hàng; người mua đặt hàng của nhiều chị trong "
        "một giỏ và đọc câu chuyện của người làm ra món hàng.</p>"
        "<p>Hội Phụ nữ các cấp giúp chị em mở gian hàng, viết câu chuyện và kiểm tra chất lượng sản phẩm trước "
        "khi lên chợ.</p>"
    ),
}

ACCOUNTS = [
    Account(role="customer", name="Lê Minh Anh", email="khachhang@example.com", phone="0987 654 321"),
    Account(
        role="editor",
        name="Hà Thị Bích Ngọc",
        email="bientap@example.com",
        phone="0915 200 301",
        groups=("Union editor", "Moderators"),
        is_staff=True,
    ),
    Account(
        role="officer",
        name="Nông Thị Diệu Linh",
        email="canbo@example.com",
        phone="0915 200 302",
        groups=("Union officer", "Editors"),
        is_staff=True,
    ),
    Account(
        role="operator",
        name="Đỗ Thị Lan Phương",
        email="vanhanh@example.com",
        phone="0915 200 303",
        is_staff=True,
        is_superuser=True,
    ),
]
