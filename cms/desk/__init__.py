"""The Union's desk: the staff's home in Wagtail's admin (/cms/), with what waits for them.

`work.py` finds each pile of work (a count and its oldest items, in two queries), `panels.py` shows
each as a panel of Wagtail's home, `views.py` lists the certificates running out, `menu.py` leads to
Oscar's dashboard; `wagtail_hooks.py` puts them in the admin.
"""
