import oscar.apps.address.apps as oscar_address


class AddressConfig(oscar_address.AddressConfig):
    """Oscar's address app; the address book asks for a Vietnamese address. The label stays "address"."""

    name = "address"
