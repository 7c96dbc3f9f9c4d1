"""What counts as a contact detail, and how it is kept left to right: exact, literal expectations
(written out, not built from the module's own constants, so a changed constant is caught)."""

from __future__ import annotations

from leaflet_app.contacts import ContactMatcher, strip_isolates

TEXT = ("Tel: [01604 364036](tel:01604364036), e-mail [nscb@example.org](mailto:nscb@example.org); "
        "see www.nspcc.org.uk. Or https://example.org/a_b. Write to Northampton NN4 7YD.")


def test_generic_patterns_find_each_kind_of_detail_in_order() -> None:
    assert ContactMatcher().find(TEXT) == [
        "01604 364036", "tel:01604364036", "nscb@example.org", "mailto:nscb@example.org", "www.nspcc.org.uk",
        "https://example.org/a_b", "NN4 7YD",
    ]


def test_nothing_else_is_a_contact_detail() -> None:
    assert ContactMatcher().find("Regulation 5 (1) (e) of 2006, section 1 to 9, 12 345 and mail@") == []


def test_the_leaflets_own_details_win_over_shorter_ones() -> None:
    matcher = ContactMatcher(["Northampton", "Northampton NN4 7YD", ""])
    assert matcher.find("Northampton NN4 7YD, near Northampton") == ["Northampton NN4 7YD", "Northampton"]


def test_isolates_are_the_unicode_left_to_right_isolate_pair() -> None:
    isolated = ContactMatcher().isolate("Tel 01604 364036.")
    assert isolated == "Tel \u206601604 364036\u2069."
    assert strip_isolates(isolated) == "Tel 01604 364036."
    assert strip_isolates("\u2066a\u2069 \u2066b\u2069") == "a b"
