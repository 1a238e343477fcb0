/* What Oscar's ui.js, jQuery and Bootstrap's script did on the storefront's pages, in plain JavaScript
   (about 2 KB in place of 180 KB): closing a message, a dropdown's menu, a button that says "Saving…"
   and cannot be pressed twice, the basket's "Remove" and "Save for later" links, the voucher form, and
   the `oscar.*.init()` calls that Oscar's own templates make in their onbodyload block (base.html runs
   it once the page is read). Every form here also works without it, but for those links. */
(function () {
    "use strict";

    function closest(event, selector) {
        return event.target.closest ? event.target.closest(selector) : null;
    }

    function closeMenus(except) {
        document.querySelectorAll(".dropdown-menu.show").forEach(function (menu) {
            if (menu !== except) {
                menu.classList.remove("show");
                menu.parentNode.classList.remove("show");
                var toggle = menu.parentNode.querySelector("[data-toggle=dropdown]");
                if (toggle) { toggle.setAttribute("aria-expanded", "false"); }
            }
        });
    }

    // Ticks the hidden box a basket link stands for (form-0-DELETE, saved-1-move_to_basket…) and sends its form.
    function submitLine(link, prefix, field) {
        var box = document.getElementById("id_" + prefix + "-" + link.dataset.id + "-" + field);
        if (!box || link.form_sent) { return; }
        box.checked = true;
        link.form_sent = true;
        link.closest("form").submit();
    }

    var basketLinks = [
        ["#basket_formset [data-behaviours~=remove]", "form", "DELETE"],
        ["#basket_formset [data-behaviours~=save]", "form", "save_for_later"],
        ["#saved_basket_formset [data-behaviours~=move]", "saved", "move_to_basket"],
        ["#saved_basket_formset [data-behaviours~=remove]", "saved", "DELETE"]
    ];

    function showVoucherForm(show) {
        var container = document.getElementById("voucher_form_container"), link = document.getElementById("voucher_form_link");
        if (!container || !link) { return; }
        container.style.display = show ? "block" : "none";
        link.style.display = show ? "none" : "block";
        if (show) {
            var code = document.getElementById("id_code");
            if (code) { code.focus(); }
        }
    }

    document.addEventListener("click", function (event) {
        var target;
        if ((target = closest(event, "[data-dismiss=alert]"))) {
            event.preventDefault();
            target.closest(".alert").remove();
            return;
        }
        if ((target = closest(event, "[data-toggle=dropdown]"))) {
            event.preventDefault();
            var menu = target.parentNode.querySelector(".dropdown-menu");
            if (menu) {
                closeMenus(menu);
                var open = menu.classList.toggle("show");
                target.parentNode.classList.toggle("show", open);
                target.setAttribute("aria-expanded", String(open));
            }
            return;
        }
        closeMenus(null);
        for (var i = 0; i < basketLinks.length; i += 1) {
            if ((target = closest(event, basketLinks[i][0]))) {
                event.preventDefault();
                submitLine(target, basketLinks[i][1], basketLinks[i][2]);
                return;
            }
        }
        if (closest(event, "#voucher_form_link a")) {
            event.preventDefault();
            showVoucherForm(true);
        } else if (closest(event, "#voucher_form_cancel")) {
            event.preventDefault();
            showVoucherForm(false);
        }
        // A button with data-loading-text says so and is disabled once its form is sent (not before: a
        // disabled button would not be sent with the form, nor would an invalid form be sent at all).
        if ((target = closest(event, "[data-loading-text]")) && (!target.form || target.form.checkValidity())) {
            setTimeout(function () {
                target.textContent = target.dataset.loadingText;
                target.disabled = true;
            });
        }
    });

    document.addEventListener("keydown", function (event) {
        if (event.key === "Escape") { closeMenus(null); }
    });

    // A form marked data-behaviours="lock" is sent once.
    document.addEventListener("submit", function (event) {
        var form = event.target;
        if (!form.matches("[data-behaviours~=lock]")) { return; }
        if (form.dataset.locked) { event.preventDefault(); }
        form.dataset.locked = "true";
    });

    function onChange(selector, handler) {
        document.querySelectorAll(selector).forEach(function (field) { field.addEventListener("change", handler); });
    }

    // The names Oscar's templates call in their onbodyload block.
    var noop = function () { return undefined; };
    window.oscar = {
        init: noop,
        basket: {
            init: function () {
                if (window.location.hash === "#voucher") { showVoucherForm(true); }
            }
        },
        search: {
            init: function () {
                onChange("#id_sort_by", function () { this.form.submit(); });
            }
        },
        checkout: {
            gateway: {
                // The password counts only for "I have an account".
                init: function () {
                    var password = document.getElementById("id_password");
                    function follow() {
                        var chosen = document.querySelector("form input[name=options]:checked");
                        if (password) { password.disabled = !!chosen && (chosen.value === "anonymous" || chosen.value === "new"); }
                    }
                    onChange("form input[name=options]", follow);
                    follow();
                }
            }
        },
        notifications: {
            init: function () {
                document.querySelectorAll("a[data-behaviours~=archive], a[data-behaviours~=delete]").forEach(function (link) {
                    link.addEventListener("click", function (event) {
                        var action = link.matches("[data-behaviours~=archive]") ? "archive" : "delete";
                        event.preventDefault();
                        link.closest("tr").querySelector("input").checked = true;
                        link.closest("form").querySelector("button[value=" + action + "]").click();
                    });
                });
            }
        },
        customer: {
            wishlists: {
                init: function () {
                    document.querySelectorAll(".clipboard-item").forEach(function (link) {
                        link.addEventListener("click", function (event) {
                            event.preventDefault();
                            if (navigator.clipboard) { navigator.clipboard.writeText(link.href); }
                        });
                    });
                }
            }
        }
    };
}());

/* A page may come from the page cache (shop/pagecache.py), the same for every anonymous visitor: what is
   hers is read from her cookies. The header's basket count from basket_count (the server sets it whenever
   her basket changes), and a form's CSRF token, when it is sent, from csrftoken (Django accepts its secret). */
(function () {
    "use strict";

    function cookie(name) {
        var match = document.cookie.match(new RegExp("(?:^|; )" + name + "=([^;]*)"));
        return match ? decodeURIComponent(match[1]) : null;
    }

    document.querySelectorAll(".basket-count").forEach(function (count) {
        count.textContent = cookie("basket_count") || "0";
    });

    document.addEventListener("submit", function (event) {
        var token = cookie("csrftoken");
        if (!token) {
            return;
        }
        event.target.querySelectorAll("input[name=csrfmiddlewaretoken]").forEach(function (input) {
            input.value = token;
        });
    }, true);
}());

/* A photo below the first screen gets its address as it nears the screen (square_picture.html says why). */
(function () {
    "use strict";

    var waiting = document.querySelectorAll("picture.lazy-picture img[data-src]");

    function show(img) {
        var picture = img.parentNode;
        picture.querySelectorAll("source[data-srcset]").forEach(function (source) {
            source.srcset = source.getAttribute("data-srcset");
            source.removeAttribute("data-srcset");
        });
        img.src = img.getAttribute("data-src");
        img.removeAttribute("data-src");
        picture.classList.remove("lazy-picture");
    }

    if (!("IntersectionObserver" in window)) {
        waiting.forEach(show);
        return;
    }
    var observer = new IntersectionObserver(function (entries) {
        entries.forEach(function (entry) {
            if (entry.isIntersecting) {
                observer.unobserve(entry.target);
                show(entry.target);
            }
        });
    }, {rootMargin: "300px 0px"});
    waiting.forEach(function (img) { observer.observe(img); });
}());
