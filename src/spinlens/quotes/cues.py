"""The words that mark reported speech: which verbs are cues, and how each takes its content."""

# Lemmas of verbs that report speech or a stance and take a clause: the content is that clause.
CLAUSE_CUES = frozenset(
    [
        "say",
        "tell",
        "add",
        "claim",
        "state",
        "announce",
        "report",
        "argue",
        "insist",
        "warn",
        "note",
        "explain",
        "write",
        "admit",
        "acknowledge",
        "suggest",
        "believe",
        "think",
        "agree",
        "reply",
        "respond",
        "confirm",
        "declare",
        "assert",
        "allege",
        "contend",
        "predict",
        "rule",
        "promise",
        "vow",
        "testify",
        "tweet",
        "post",
        "reveal",
        "show",
        "find",
        "indicate",
        "estimate",
        "calculate",
        "conclude",
        "assess",
        "project",
        "recall",
        "stress",
        "emphasize",
        "emphasise",
        "complain",
        "charge",
        "concede",
        "maintain",
        "mention",
        "observe",
        "opine",
        "propose",
        "recommend",
        "remark",
        "repeat",
        "pledge",
        "threaten",
        "caution",
        "boast",
        "brag",
        "reiterate",
        "underscore",
        "underline",
        "affirm",
        "reaffirm",
        "lament",
        "speculate",
        "quip",
        "disclose",
        "clarify",
        "joke",
        "fear",
        "hope",
        "expect",
        "feel",
        "know",
        "hint",
        "signal",
        "worry",
        "deny",
        "demand",
        "ask",
        "urge",
        "order",
        "continue",
        "point",
        "accuse",
        "blame",
        "cite",
        "call",
        "describe",
        "echo",
        "counter",
        "retort",
        "assure",
        "reassure",
        "remind",
        "inform",
        "denounce",
    ]
)
# Of those, the ones whose content may be a plain object or prepositional phrase ("accused X of Y",
# "called for an inquiry", "denied the report") rather than a clause.
OBJECT_CUES = frozenset(
    [
        "accuse",
        "allege",
        "blame",
        "deny",
        "demand",
        "urge",
        "call",
        "cite",
        "describe",
        "portray",
        "tout",
        "mention",
        "announce",
        "promise",
        "vow",
        "pledge",
        "threaten",
        "propose",
        "recommend",
        "warn",
        "praise",
        "laud",
        "commend",
        "criticize",
        "criticise",
        "slam",
        "blast",
        "hail",
        "decry",
        "lambast",
        "lambaste",
        "brand",
        "label",
        "dub",
        "term",
        "denounce",
        "mock",
        "express",
        "rail",
        "condemn",
        "dismiss",
        "defend",
        "question",
        "reject",
        "dispute",
        "endorse",
        "stress",
        "reiterate",
        "reaffirm",
        "note",
        "acknowledge",
        "estimate",
        "emphasize",
        "emphasise",
        "talk",
        "speak",
        "refer",
        "point",
        "comment",
        "tweet",
        "recall",
        "show",
        "appeal",
    ]
)
# Every verb that can report speech, looked up once per token of every parse
ALL_CUES = CLAUSE_CUES | OBJECT_CUES
# Cues whose content is the object of a preposition of their own ("called for restraint", "talked about the
# economy"); the cue holds the preposition. Past "call", only that preposition brings content: "spoke to
# reporters" says to whom, not what.
CUE_PREPOSITIONS = {
    "call": frozenset({"for", "on"}),
    "ask": frozenset({"about"}),
    "talk": frozenset({"about"}),
    "speak": frozenset({"about", "of"}),
    "refer": frozenset({"to"}),
    "point": frozenset({"to"}),
    "respond": frozenset({"to"}),
    "comment": frozenset({"on"}),
    "appeal": frozenset({"for"}),
    "warn": frozenset({"of", "about", "against"}),
}
# Verbs of thinking make very many clauses that nobody would call a quote ("I think we should go") unless a
# named subject holds the view; they need a subject that is not "I"/"we"/"you" nor everyone or no one
# ("Everyone knows that is a lie" is bandwagon, not a source), in a sentence that is not a question ("Do
# they really expect us to believe that?" asks the reader, it reports no one's view).
STANCE_CUES = frozenset({"believe", "think", "feel", "know", "hope", "fear", "expect", "worry"})
# Verbs of criticism that are first verbs of force: "Graham blasted the decision" is speech, "the explosion
# blasted the car into the air" and "the storm slammed the coast" are not, which their subject tells.
FORCE_CUES = frozenset({"slam", "blast"})
# What strikes, bursts or burns, and says nothing
FORCES = frozenset(
    {
        "explosion", "blast", "bomb", "shell", "missile", "rocket", "drone", "strike", "storm", "hurricane",
        "typhoon", "cyclone", "tornado", "wind", "gust", "wave", "tsunami", "flood", "fire", "blaze", "flame",
        "quake", "earthquake", "tremor", "avalanche", "landslide", "shockwave", "car", "truck", "vehicle",
    }
)  # fmt: skip
# After a colon, what is asked is the question, not the paragraph the writer goes on with ("Parents are
# asking: what are they hiding? Big Pharma made $100 billion ..." is the writer's answer, not theirs).
QUESTION_CUES = frozenset({"ask"})
# Particles that make a cue another verb: "called off the strike", "called up reservists", "showed up".
OTHER_SENSE_PARTICLES = frozenset({"off", "up", "back", "in", "down", "over", "away"})
# Verbs of firing or striking that "back" makes a retort: "Schumer shot back that Republicans own this
# shutdown", '"Let me talk," Trump fired back' (with no words after them, "Police fired back" says nothing).
RETORT_VERBS = frozenset({"fire", "shoot", "hit"})
# "She continued: ..." reports speech, "the regime continues to shell the city" does not: with an infinitive
# (xcomp), these verbs say how long something goes on. On PolNeAR dev, skipping those lifts content F1 from
# 0.7251 to 0.7259 and source F1 from 0.6652 to 0.6667.
ASPECT_CUES = frozenset({"continue"})
ADDRESSEE_CUES = frozenset({"tell", "warn", "assure", "reassure", "remind", "inform"})
# Cues whose object, in a tag after a quote, is whom the words were for
AUDIENCE_CUES = ADDRESSEE_CUES | {"ask"}
# Verbs that say nothing but how words were voiced, which are speech beside a quote ('"Stop!" the officer
# shouted', 'chanted "Free Palestine"') and sounds elsewhere
OUTCRIES = frozenset({"shout", "yell", "scream", "exclaim", "whisper", "mutter", "chant"})
# Verbs of how words came out that are speech only in a quote's tag ('"We did it," beamed the coach', '"Not
# again," she laughed'); elsewhere they are sounds and moods ("she smiled at him", "the crowd roared")
MANNER_CUES = frozenset(
    {
        "cry", "sigh", "muse", "huff", "beam", "smile", "laugh", "grin", "chuckle", "snap", "scoff", "sneer",
        "gush", "marvel", "fume", "growl", "snarl", "bark", "hiss", "gasp", "groan", "sob", "murmur", "stammer",
        "interject", "plead",
    }
)  # fmt: skip
# The verbs of a quote's tag: the cues, the outcries and the manners of speaking; and "answer", which
# elsewhere takes the question answered ("answered 1,300 written questions", "to answer why ...")
TAG_CUES = CLAUSE_CUES | OUTCRIES | MANNER_CUES | {"answer"}
# "Show" reports what its object shows only after a source of evidence ("a poll shows Sanders leading",
# "records show the plane has flown 216 hours"); after anyone else it is a display, not a report ("the
# president showed no sign of backing down").
EVIDENCE_CUES = frozenset({"show"})
# "Find" reports a clause after anyone ("officials found that ..."), and its object too after a source of
# evidence ("a 2014 study found 31 incidents of voter impersonation"); "police found a body" reports nothing.
FINDING_CUES = frozenset({"find"})
# "Defend" reports words when what is defended is a decision or a record ("Obama defended the deal"), not
# when troops defend ground ("our soldiers are defending the homeland", "they defended Bakhmut"). Nouns that
# also name a stance ("position", "line", "base") are left out: "he defended his position" is words.
GROUND_CUES = frozenset({"defend"})
COMBATANT_NOUNS = frozenset(
    {
        "soldier", "troop", "force", "army", "fighter", "unit", "militia", "defender", "military", "battalion",
        "brigade", "regiment", "marine", "navy", "guard", "garrison", "sniper", "partisan", "rebel", "militant",
    }
)  # fmt: skip
GROUND_NOUNS = frozenset(
    {
        "homeland", "motherland", "fatherland", "city", "town", "village", "border", "territory", "capital",
        "bridge", "airport", "port", "coast", "airspace", "land", "soil", "region", "island", "hill", "fortress",
        "trench", "street", "building", "home", "outpost", "perimeter",
    }
)  # fmt: skip
# "Threaten" reports words with what is threatened ("threatened to cut aid", "threatened violence") or with
# what with ("threatened the chief with consequences"); with a named place, body or people, a pronoun or
# what someone owns as its object, it means "endanger" ("threatens our safety", "missiles that threaten
# Seoul"), which is no one's words.
THREAT_CUES = frozenset({"threaten"})
# "Add" reports words ("she added that ...", "he added to reporters that ..."), but "adding to pressure on
# the bank" or "added to concerns that the economy is slowing" says that something grew: a "to" right after
# it on anything but the people spoken to.
GROWTH_CUES = frozenset({"add"})
AUDIENCE_NOUNS = frozenset(
    {
        "reporter", "journalist", "audience", "crowd", "supporter", "listener", "viewer", "reader", "lawmaker",
        "delegate", "colleague", "member", "senator", "committee", "panel", "court", "jury", "press", "media",
    }
)  # fmt: skip
# Texts and utterances that say things: "a statement saying ...", "a letter from ICE saying ...", "tweets
# calling her ..."; not a microphone "picking up Trump telling Christie ...".
SAYING_NOUNS = frozenset(
    {
        "statement", "letter", "report", "email", "e-mail", "memo", "memorandum", "tweet", "post", "message",
        "note", "document", "research", "release", "ad", "advertisement", "commercial", "video", "poll", "survey",
        "study", "filing", "complaint", "lawsuit", "suit", "petition", "editorial", "article", "story", "column",
        "op-ed", "speech", "lecture", "sermon", "address", "interview", "sign", "banner", "placard", "headline",
        "resolution", "guideline", "policy", "submission", "notice", "order", "directive", "ruling", "verdict",
        "indictment", "affidavit", "motion", "brief", "comment", "remark", "announcement", "declaration",
        "communique", "communiqué", "text", "broadcast", "clip", "footage", "leaflet", "flyer", "pamphlet", "book",
        "paper", "bill", "amendment",
    }
)  # fmt: skip
EVIDENCE_NOUNS = frozenset(
    {
        "poll", "survey", "data", "record", "figure", "document", "study", "report", "video", "footage",
        "photo", "image", "analysis", "result", "number", "statistic", "research", "email", "filing", "map",
        "chart", "review", "audit", "investigation", "tally", "count", "census", "estimate", "projection",
        "test", "evidence", "transcript", "recording", "log", "ledger", "datum", "average", "polling", "search",
        "return",
    }
)  # fmt: skip
