"""Words the unlinked-name report must know: English capitalises them, but they are not names
that an entity file could hold. Entities add their own demonyms ("Iranian") to these."""

# Words that open a sentence before a name: "The Syrian Observatory…" reports "Syrian Observatory".
LEADING_WORDS = frozenset(
    "A An And As At But By During For From If In Inside On Or Since So That The These This Those "
    "To Under When While With".split()
)

# Capitalised mid-sentence, yet never an entity of their own.
NOT_NAMES = frozenset(
    # the calendar
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May "
    "June July August September October November December "
    # titles before a name ("President Bashar al-Assad")
    "President Vice Prime Minister General Colonel Commander King Queen Prince Sheikh Ayatollah Dr Mr Mrs Ms "
    # religions, sects and ideologies, used as adjectives
    "Shiite Shiites Shia Sunni Sunnis Islamist Islamists Islamic Muslim Muslims Christian Christians "
    "Jewish Jew Jews Alawite Alawites Druze Jihadist Jihadists "
    # languages and peoples that no entity file holds
    "Arab Arabs Arabic Hebrew Persian Farsi English Kurdish Kurds "
    # the compass and the pronoun I
    "North South East West Northern Southern Eastern Western I".split()
)

# Lower-case words that belong inside a name: "Hayat Tahrir al-Sham", "Bank of England".
PARTICLES = frozenset("al el ez bin ibn of for de van von".split())
