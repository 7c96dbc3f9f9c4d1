"""How far a translation can be trusted, in words: the banner's text and the export's notice.

Each notice comes in the language and in English: the English line is for the practitioner,
who may not read the family's language.
"""

from __future__ import annotations

from babel.numbers import format_percent

from leaflet_app.i18n import N_, SOURCE_LANGUAGE, Localizer

DRAFT = N_("Draft translation, not yet checked by a qualified translator ({percent} checked).")
INCOMPLETE = N_("Parts of this translation are missing and are shown in English.")
PROBLEMS = N_("Problems were found in this translation file; some parts may be shown in English.")
# Shown in English only: the broken catalogue cannot translate its own notice.
BROKEN = "The {language} translation could not be loaded, so the leaflet is shown in English."


def review_notice(lang: Localizer) -> tuple[str, str] | None:
    """``(in the language, in English)``, or None for English and checked translations.

    The English line is empty when the local line is already English.
    """
    if lang.error is not None:
        return BROKEN.format(language=lang.english_name), ""
    if lang.code == SOURCE_LANGUAGE:
        return None
    tr = lang.gettext
    parts: list[tuple[str, str]] = []
    if lang.problems:
        parts.append((tr(PROBLEMS), PROBLEMS))
    state = lang.status.state
    if state == "incomplete":
        parts.append((tr(INCOMPLETE), INCOMPLETE))
    elif state == "draft":
        fraction = lang.status.fraction_checked
        parts.append((
            tr(DRAFT).format(percent=format_percent(fraction, locale=lang.number_locale)),
            DRAFT.format(percent=format_percent(fraction, locale="en")),
        ))
    if not parts:
        return None
    local, english = " ".join(p[0] for p in parts), " ".join(p[1] for p in parts)
    return local, ("" if english == local else english)
