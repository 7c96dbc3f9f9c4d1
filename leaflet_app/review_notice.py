"""How far a translation can be trusted, in words: the banner's text and the export's notice.

Each notice comes in the language and in English (the English is for the practitioner, who may
not read the family's language), short (the banner's line) and long (its details, the export).
"""

from __future__ import annotations

from typing import NamedTuple

from leaflet_app.i18n import N_, SOURCE_LANGUAGE, Localizer, format_percent

DRAFT = N_("Draft translation, not yet checked by a qualified translator ({percent} checked).")
DRAFT_SHORT = N_("Draft translation, {percent} checked")
INCOMPLETE = N_("Parts of this translation are missing and are shown in English.")
INCOMPLETE_SHORT = N_("Incomplete translation")
PROBLEMS = N_("Problems were found in this translation file; some parts may be shown in English.")
PROBLEMS_SHORT = N_("Problems in this translation file")
# Shown in English only: the broken catalogue cannot translate its own notice.
BROKEN = "The {language} translation could not be loaded, so the leaflet is shown in English."


class Notice(NamedTuple):
    local: str  # short, in the language
    english: str  # short, in English ("" when ``local`` is English already)
    long_local: str
    long_english: str

    def lines(self) -> list[str]:
        """The long notice, in the language and then in English (once if they are the same)."""
        if not self.long_local:
            return [self.local]
        return [self.long_local] if self.long_local == self.long_english else [self.long_local, self.long_english]


def review_notice(lang: Localizer) -> Notice | None:
    """The notice for ``lang``, or None for English and for checked catalogues without problems."""
    if lang.error is not None:
        return Notice(BROKEN.format(language=lang.english_name), "", "", "")
    if lang.code == SOURCE_LANGUAGE:
        return None
    tr = lang.gettext
    parts: list[tuple[str, str, str, str]] = []
    if lang.problems:
        parts.append((tr(PROBLEMS_SHORT), PROBLEMS_SHORT, tr(PROBLEMS), PROBLEMS))
    state = lang.status.state
    if state == "incomplete":
        parts.append((tr(INCOMPLETE_SHORT), INCOMPLETE_SHORT, tr(INCOMPLETE), INCOMPLETE))
    elif state == "draft":
        local_percent = format_percent(lang.status.fraction_checked, locale=lang.number_locale)
        english_percent = format_percent(lang.status.fraction_checked, locale="en")
        parts.append((tr(DRAFT_SHORT).format(percent=local_percent), DRAFT_SHORT.format(percent=english_percent),
                      tr(DRAFT).format(percent=local_percent), DRAFT.format(percent=english_percent)))
    if not parts:
        return None
    local, english, long_local, long_english = (" · ".join(p[i] for p in parts) if i < 2 else
                                                " ".join(p[i] for p in parts) for i in range(4))
    return Notice(local, "" if english == local else english, long_local, long_english)
