#!/usr/bin/env python3
# ruff: noqa: E501, E702, B007, SIM108 -- a data builder: long word lists, terse conjugation tables
"""Build gloss_es_en.tsv: a crude Spanish -> English word/phrase lexicon for glossing Spanish and
Spanglish chat before the English-only sentence encoder reads it (policies/encoder/gloss.py).
First entry for a Spanish key wins, so the hand-written sections come first and generated verb
conjugations later. Written for mentorbot from general knowledge of Spanish (no dictionary was
copied, no labelled chat was read).

Run:  python3 policies/data/build_gloss_es_en.py   (rewrites gloss_es_en.tsv next to this file;
the encoder heads are pinned to the file's hash: retrain them after a change)
"""
import os
import re
import unicodedata

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "gloss_es_en.tsv")

ENTRIES = []          # (spanish, english, section)
SEEN = set()


def add(es, en, section=""):
    es = re.sub(r"\s+", " ", es.strip().lower())
    en = re.sub(r"\s+", " ", en.strip())
    if not es or es in SEEN:
        return
    SEEN.add(es)
    ENTRIES.append((es, en, section))


def add_block(text, section):
    """Lines 'spanish | english'.  Spanish side may hold alternatives
    separated by ' / ' (all get the same English)."""
    for line in text.strip("\n").split("\n"):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if "|" not in line:
            raise ValueError(f"bad line in {section}: {line!r}")
        es, en = line.split("|", 1)
        for alt in es.split("/"):
            add(alt, en, section)


# ---------------------------------------------------------------------------
# English morphology
# ---------------------------------------------------------------------------
EN_IRREG = {
    # base: (past, past participle)
    "be": ("was", "been"), "have": ("had", "had"), "do": ("did", "done"),
    "go": ("went", "gone"), "say": ("said", "said"), "make": ("made", "made"),
    "get": ("got", "gotten"), "know": ("knew", "known"), "think": ("thought", "thought"),
    "take": ("took", "taken"), "see": ("saw", "seen"), "come": ("came", "come"),
    "give": ("gave", "given"), "find": ("found", "found"), "tell": ("told", "told"),
    "feel": ("felt", "felt"), "leave": ("left", "left"), "put": ("put", "put"),
    "mean": ("meant", "meant"), "keep": ("kept", "kept"), "begin": ("began", "begun"),
    "hear": ("heard", "heard"), "run": ("ran", "run"), "hold": ("held", "held"),
    "bring": ("brought", "brought"), "write": ("wrote", "written"), "sit": ("sat", "sat"),
    "stand": ("stood", "stood"), "lose": ("lost", "lost"), "pay": ("paid", "paid"),
    "meet": ("met", "met"), "lead": ("led", "led"), "understand": ("understood", "understood"),
    "speak": ("spoke", "spoken"), "read": ("read", "read"), "spend": ("spent", "spent"),
    "grow": ("grew", "grown"), "win": ("won", "won"), "buy": ("bought", "bought"),
    "send": ("sent", "sent"), "build": ("built", "built"), "fall": ("fell", "fallen"),
    "cut": ("cut", "cut"), "sell": ("sold", "sold"), "eat": ("ate", "eaten"),
    "drink": ("drank", "drunk"), "sleep": ("slept", "slept"), "hit": ("hit", "hit"),
    "hurt": ("hurt", "hurt"), "fight": ("fought", "fought"), "break": ("broke", "broken"),
    "choose": ("chose", "chosen"), "teach": ("taught", "taught"), "catch": ("caught", "caught"),
    "drive": ("drove", "driven"), "ride": ("rode", "ridden"), "wear": ("wore", "worn"),
    "forget": ("forgot", "forgotten"), "forgive": ("forgave", "forgiven"), "hide": ("hid", "hidden"),
    "steal": ("stole", "stolen"), "throw": ("threw", "thrown"), "fly": ("flew", "flown"),
    "swim": ("swam", "swum"), "sing": ("sang", "sung"), "lie": ("lied", "lied"),
    "shut": ("shut", "shut"), "let": ("let", "let"), "set": ("set", "set"),
    "shoot": ("shot", "shot"), "bite": ("bit", "bitten"), "feed": ("fed", "fed"),
    "dream": ("dreamed", "dreamed"), "wake": ("woke", "woken"), "freeze": ("froze", "frozen"),
    "bleed": ("bled", "bled"), "bet": ("bet", "bet"), "quit": ("quit", "quit"),
    "light": ("lit", "lit"), "lend": ("lent", "lent"), "shake": ("shook", "shaken"),
    "hang": ("hung", "hung"), "dig": ("dug", "dug"), "sweep": ("swept", "swept"),
    "seek": ("sought", "sought"), "stick": ("stuck", "stuck"), "swear": ("swore", "sworn"),
    "tear": ("tore", "torn"), "deal": ("dealt", "dealt"), "draw": ("drew", "drawn"),
    "ring": ("rang", "rung"), "rise": ("rose", "risen"), "beat": ("beat", "beaten"),
    "become": ("became", "become"), "fit": ("fit", "fit"), "spread": ("spread", "spread"),
    "upset": ("upset", "upset"), "undo": ("undid", "undone"), "overcome": ("overcame", "overcome"),
    "mislead": ("misled", "misled"), "withdraw": ("withdrew", "withdrawn"), "kneel": ("knelt", "knelt"),
    "bend": ("bent", "bent"), "bind": ("bound", "bound"), "blow": ("blew", "blown"),
    "burn": ("burned", "burned"), "cost": ("cost", "cost"), "slide": ("slid", "slid"),
    "spit": ("spat", "spat"), "split": ("split", "split"), "strike": ("struck", "struck"),
    "weep": ("wept", "wept"), "show": ("showed", "shown"), "prove": ("proved", "proven"),
    "foresee": ("foresaw", "foreseen"), "oversee": ("oversaw", "overseen"),
    "mistake": ("mistook", "mistaken"), "undertake": ("undertook", "undertaken"),
}
DOUBLE = set(["stop", "hit", "cut", "get", "run", "sit", "put", "plan", "shop", "chat", "drop", "hug", "beg", "rob", "grab", "swim", "win", "dig", "nod", "rub", "scan", "skip", "slip", "step", "trip", "wrap", "tap", "chop", "clap", "ship", "plot", "jog", "admit", "commit", "permit", "regret", "forget", "begin", "prefer", "refer", "occur", "control", "travel", "cancel", "label", "model", "shut", "let", "set", "bet", "quit", "fit", "spit", "split", "upset", "forbid", "omit", "submit", "trap", "nap", "pat", "pet", "drag", "drug", "stab", "sob", "spot", "stir", "blog", "flip", "grip", "mop", "hop", "hum", "jam", "slap", "kidnap", "scrub"])


def en_split(verb):
    parts = verb.split(" ", 1)
    return parts[0], (" " + parts[1]) if len(parts) > 1 else ""


def en_s(verb):
    h, t = en_split(verb)
    if h == "be":
        return "is" + t
    if h == "have":
        return "has" + t
    if h in ("do", "go"):
        return h + "es" + t
    if re.search(r"(s|sh|ch|x|z|o)$", h):
        return h + "es" + t
    if re.search(r"[^aeiou]y$", h):
        return h[:-1] + "ies" + t
    return h + "s" + t


def en_ing(verb):
    h, t = en_split(verb)
    if h == "be":
        return "being" + t
    if h.endswith("ie"):
        return h[:-2] + "ying" + t
    if h in DOUBLE:
        return h + h[-1] + "ing" + t
    if h.endswith("e") and not h.endswith(("ee", "ye", "oe")) and h != "be":
        return h[:-1] + "ing" + t
    return h + "ing" + t


def en_past(verb, pp=False):
    h, t = en_split(verb)
    if h in EN_IRREG:
        return EN_IRREG[h][1 if pp else 0] + t
    if h.endswith("e"):
        return h + "d" + t
    if re.search(r"[^aeiou]y$", h):
        return h[:-1] + "ied" + t
    if h in DOUBLE:
        return h + h[-1] + "ed" + t
    return h + "ed" + t


# ---------------------------------------------------------------------------
# Spanish accent placement for enclitic forms
# ---------------------------------------------------------------------------
ACC = {"a": "á", "e": "é", "i": "í", "o": "ó", "u": "ú"}
UNACC = {v: k for k, v in ACC.items()}


def strip_acc(s):
    return "".join(c for c in unicodedata.normalize("NFD", s)
                   if unicodedata.category(c) != "Mn").replace("ñ", "n")


def nuclei(word):
    """Return list of (start, end) spans of vowel nuclei (diphthongs merged)."""
    spans = []
    i = 0
    w = word
    while i < len(w):
        c = w[i]
        if c in "aeiouáéíóúü":
            # 'qu' / 'gu' + e/i : the u is silent
            if c == "u" and i > 0 and w[i - 1] in "qg" and i + 1 < len(w) and w[i + 1] in "eiéí":
                i += 1
                continue
            j = i + 1
            while j < len(w) and w[j] in "aeiouáéíóúü":
                a, b = w[j - 1], w[j]
                strong = "aeoáéó"
                if (a in strong and b in strong) or b in "íú" or a in "íú":
                    break
                j += 1
            spans.append((i, j))
            i = j
        else:
            i += 1
    return spans


def stressed_nucleus(word):
    """Index into nuclei() of the stressed nucleus of a bare word."""
    ns = nuclei(word)
    for k, (a, b) in enumerate(ns):
        if any(ch in UNACC for ch in word[a:b]):
            return k, ns
    if len(ns) <= 1:
        return len(ns) - 1, ns
    if word[-1] in "aeiouns":
        return len(ns) - 2, ns
    return len(ns) - 1, ns


def put_accent(word, a, b):
    seg = word[a:b]
    if any(ch in UNACC for ch in seg):
        return word
    pos = None
    for k, ch in enumerate(seg):
        if ch in "aeo":
            pos = k
            break
    if pos is None:
        pos = len(seg) - 1
        if seg == "u" or seg == "i":
            pos = 0
    ch = seg[pos]
    seg = seg[:pos] + ACC.get(ch, ch) + seg[pos + 1:]
    return word[:a] + seg + word[b:]


def enclitic(base, clitics):
    """Attach clitic string (e.g. 'me', 'melo') to base verb form, fixing accents."""
    k, ns = stressed_nucleus(base)
    if k < 0:
        return base + clitics
    a, b = ns[k]
    # remove existing written accent on monosyllables like 'dé' -> 'de'
    word = base + clitics
    nsyl_after = len(ns) - 1 - k + len(nuclei(clitics))
    if len(ns) == 1 and any(ch in UNACC for ch in base):
        base2 = "".join(UNACC.get(c, c) for c in base)
        word = base2 + clitics
    if nsyl_after >= 2:
        word = put_accent(word, a, b)
    else:
        # stress stays on penultimate/last naturally; drop accents like 'está'+'te'
        if any(ch in UNACC for ch in base[a:b]) and nsyl_after == 1 and len(ns) > 1:
            # e.g. 'está' + 'te' -> 'estate' is wrong anyway; keep accent removal
            word = base[:a] + "".join(UNACC.get(c, c) for c in base[a:b]) + base[b:] + clitics
    return word


# ---------------------------------------------------------------------------
# Spanish conjugation engine
# ---------------------------------------------------------------------------
PERSONS = ["yo", "tu", "el", "nos", "ellos"]


def _stem_change(stem, kind):
    """Apply stem change to the LAST occurrence of the relevant vowel."""
    if not kind:
        return stem
    src, dst = {"ie": ("e", "ie"), "ue": ("o", "ue"), "i": ("e", "i"),
                "uj": ("u", "ue"), "ii": ("i", "ie"), "ei": ("e", "í")}[kind]
    idx = stem.rfind(src)
    if idx < 0:
        return stem
    new = stem[:idx] + dst + stem[idx + 1:]
    if kind == "ue" and idx > 0 and stem[idx - 1] == "g":
        new = stem[:idx] + "üe" + stem[idx + 1:]   # agüero-type (rare)
    if kind == "ue" and idx == 0:
        new = "hue" + stem[1:]                      # oler -> huelo
    return new


def _weak(stem, kind):
    """-ir stem changers: e->i / o->u in pret 3rd, gerund, subj nos."""
    if kind in ("ie", "i", "ei"):
        idx = stem.rfind("e")
        return stem[:idx] + "i" + stem[idx + 1:] if idx >= 0 else stem
    if kind == "ue":
        idx = stem.rfind("o")
        return stem[:idx] + "u" + stem[idx + 1:] if idx >= 0 else stem
    return stem


def _orth_front(stem, cls):
    """stem before e/i for an -ar verb (busc->busqu, pag->pagu, empez->empec)."""
    if stem.endswith("c"):
        return stem[:-1] + "qu"
    if stem.endswith("g"):
        return stem[:-1] + "gu"
    if stem.endswith("z"):
        return stem[:-1] + "c"
    if stem.endswith("gu") and cls == "ar":
        return stem[:-2] + "gü"
    return stem


def _orth_back(stem, cls):
    """stem before a/o for -er/-ir (escog->escoj, segu->sig, venc->venz)."""
    if stem.endswith("gu"):
        return stem[:-1]             # seguir -> sigo, distinguir -> distingo
    if stem.endswith("g"):
        return stem[:-1] + "j"
    if stem.endswith("c"):
        return stem[:-1] + "z"
    if stem.endswith("qu"):
        return stem[:-2] + "c"       # delinquir
    return stem


def conjugate(inf, sc=None, zco=False, uir=False, accent=None, yo=None,
              pret=None, fut=None, part=None, imp=None, subj=None, ger=None,
              over=None):
    """Return dict: tense -> list of 5 forms (yo, tú, él, nosotros, ellos),
    plus 'ger', 'part', 'imp' (tú affirmative), 'inf'.
    sc: stem change kind ('ie','ue','i','uj' jugar,'ii' adquirir)
    zco: -cer/-cir with -zco;  uir: -uir verbs (construyo)
    accent: 'i' for enviar-type (envío), 'u' for continuar-type (continúo)
    yo: irregular present yo form (e.g. 'tengo'); subj built from it
    pret: strong preterite stem ('tuv') ; fut: future stem ('tendr')
    """
    cls = inf[-2:]
    stem = inf[:-2]
    if inf.endswith("ír"):   # oír, reír, sonreír
        cls = "ir"
    cls[0]               # a / e / i
    F = {}
    # ---- present
    ch = _stem_change(stem, sc)
    if accent == "i":
        i = stem.rfind("i"); ch = stem[:i] + "í" + stem[i + 1:]
    elif accent == "u":
        i = stem.rfind("u"); ch = stem[:i] + "ú" + stem[i + 1:]
    elif uir:
        ch = stem + "y"
    if sc == "i" or sc == "ei":
        pass
    back = _orth_back(ch, cls) if cls != "ar" else ch
    if cls == "ar":
        pres = [ch + "o", ch + "as", ch + "a", stem + "amos", ch + "an"]
    else:
        nos = stem + ("emos" if cls == "er" else "imos")
        pres = [back + "o", ch + "es", ch + "e", nos, ch + "en"]
        if uir:
            pres = [stem + "yo", stem + "yes", stem + "ye", stem + "imos", stem + "yen"]
    if zco:
        pres[0] = stem[:-1] + "zco"
    if yo:
        pres[0] = yo
    F["pres"] = pres
    # ---- present subjunctive
    if subj:
        sstem = subj
        snos = subj
    elif yo or zco:
        sstem = pres[0][:-1]
        snos = sstem
    else:
        if cls == "ar":
            sstem = _orth_front(ch, cls)
            snos = _orth_front(stem, cls)
        else:
            sstem = back
            snos = _orth_back(stem, cls)
            if uir:
                sstem = snos = stem + "y"
    se = "e" if cls == "ar" else "a"
    if cls == "ir" and sc in ("ie", "ue", "i", "ei") and not subj and not yo and not zco:
        snos = _orth_back(_weak(stem, sc), cls)
    sub = [sstem + se, sstem + se + "s", sstem + se, snos + se + "mos", sstem + se + "n"]
    if accent and cls == "ar":
        sub = [ch + "e", ch + "es", ch + "e", stem + "emos", ch + "en"]
    F["subj"] = sub
    # ---- preterite
    if pret:
        if pret.endswith("j"):
            pr = [pret + "e", pret + "iste", pret + "o", pret + "imos", pret + "eron"]
        else:
            pr = [pret + "e", pret + "iste", pret + "o", pret + "imos", pret + "ieron"]
        ps = pr[4][:-3]      # stem for imperfect subjunctive (tuvie-/dije-)
    else:
        if cls == "ar":
            pr = [_orth_front(stem, cls) + "é", stem + "aste", stem + "ó", stem + "amos", stem + "aron"]
            ps = stem + "a"
        else:
            w = _weak(stem, sc) if (cls == "ir" and sc) else stem
            if stem and stem[-1] in "aeo" or uir:   # leer, creer, caer, oír, construir
                tail_y = True
            else:
                tail_y = False
            if tail_y:
                i_ = "í" if not uir else "i"
                pr = [stem + "í", stem + i_ + "ste", stem + "yó", stem + i_ + "mos", stem + "yeron"]
                ps = stem + "ye"
            else:
                if w.endswith("ñ") or w.endswith("ll"):
                    pr = [stem + "í", stem + "iste", w + "ó", stem + "imos", w + "eron"]
                    ps = w + "e"
                else:
                    pr = [stem + "í", stem + "iste", w + "ió", stem + "imos", w + "ieron"]
                    ps = w + "ie"
    F["pret"] = pr
    # ---- imperfect subjunctive (-ra)
    if pret:
        ps = pr[4][:-4]  # tuvieron -> tuvie ; dijeron -> dije
        ps = pr[4][:-3]
    base = ps
    acc_base = base[:-1] + ACC[base[-1]] if base[-1] in ACC else base
    F["isubj"] = [base + "ra", base + "ras", base + "ra", acc_base + "ramos", base + "ran"]
    # ---- imperfect
    if cls == "ar":
        F["impf"] = [stem + "aba", stem + "abas", stem + "aba", stem + "ábamos", stem + "aban"]
    else:
        F["impf"] = [stem + "ía", stem + "ías", stem + "ía", stem + "íamos", stem + "ían"]
    # ---- future / conditional
    fs = fut if fut else (inf if not inf.endswith("ír") else inf[:-2] + "ir")
    F["fut"] = [fs + "é", fs + "ás", fs + "á", fs + "emos", fs + "án"]
    F["cond"] = [fs + "ía", fs + "ías", fs + "ía", fs + "íamos", fs + "ían"]
    # ---- non-finite
    if ger:
        F["ger"] = ger
    elif cls == "ar":
        F["ger"] = stem + "ando"
    else:
        w = _weak(stem, sc) if (cls == "ir" and sc) else stem
        if (stem and stem[-1] in "aeo") or uir:
            F["ger"] = stem + "yendo"
        elif w.endswith("ñ") or w.endswith("ll"):
            F["ger"] = w + "endo"
        else:
            F["ger"] = w + "iendo"
    if part:
        F["part"] = part
    elif cls == "ar":
        F["part"] = stem + "ado"
    else:
        if stem and stem[-1] in "aeo":
            F["part"] = stem + "ído"
        else:
            F["part"] = stem + "ido"
    F["imp"] = imp if imp else pres[2]
    F["inf"] = inf
    if over:
        F.update(over)
    return F


# ---------------------------------------------------------------------------
# English glosses for conjugated forms
# ---------------------------------------------------------------------------
SUBJ_EN = ["I", "you", "", "we", "they"]

MODAL = {
    # English head -> tense -> 5 persons (or single string for non-finite)
    "be": {
        "pres": ["I am", "you are", "is", "we are", "they are"],
        "pret": ["I was", "you were", "was", "we were", "they were"],
        "impf": ["I was", "you were", "was", "we were", "they were"],
        "fut": ["I will be", "you will be", "will be", "we will be", "they will be"],
        "cond": ["would be", "you would be", "would be", "we would be", "they would be"],
        "subj": ["be", "you be", "be", "let us be", "they be"],
        "isubj": ["were", "you were", "were", "we were", "they were"],
        "ger": "being", "part": "been", "inf": "be", "imp": "be",
    },
    "can": {
        "pres": ["I can", "you can", "can", "we can", "they can"],
        "pret": ["I could", "you could", "could", "we could", "they could"],
        "impf": ["I could", "you could", "could", "we could", "they could"],
        "fut": ["I will be able", "you will be able", "will be able", "we will be able", "they will be able"],
        "cond": ["could", "you could", "could", "we could", "they could"],
        "subj": ["can", "you can", "can", "we can", "they can"],
        "isubj": ["could", "you could", "could", "we could", "they could"],
        "ger": "being able", "part": "been able", "inf": "be able", "imp": "be able",
    },
    "should": {
        "pres": ["I should", "you should", "should", "we should", "they should"],
        "pret": ["I had to", "you had to", "had to", "we had to", "they had to"],
        "impf": ["I had to", "you had to", "had to", "we had to", "they had to"],
        "fut": ["I will have to", "you will have to", "will have to", "we will have to", "they will have to"],
        "cond": ["should", "you should", "should", "we should", "they should"],
        "subj": ["should", "you should", "should", "we should", "they should"],
        "isubj": ["should", "you should", "should", "we should", "they should"],
        "ger": "owing", "part": "owed", "inf": "owe", "imp": "owe",
    },
}

STATIVE = set(["tener", "querer", "saber", "poder", "conocer", "parecer", "creer", "pensar", "sentir", "necesitar", "gustar", "encantar", "odiar", "amar", "estar", "ser", "haber", "vivir", "existir", "importar", "doler", "deber", "preferir", "pertenecer", "valer", "costar", "significar", "entender", "comprender", "recordar", "merecer", "temer", "esperar"])


def en_tense_forms(en, inf=None):
    """Return dict tense -> list of 5 English glosses (or string)."""
    h, t = en_split(en)
    if h in MODAL:
        d = {}
        for k, v in MODAL[h].items():
            d[k] = [x + t for x in v] if isinstance(v, list) else v + t
        return d
    past = en_past(en)
    pp = en_past(en, pp=True)
    d = {
        "pres": ["I " + en, "you " + en, en_s(en), "we " + en, "they " + en],
        "pret": ["I " + past, "you " + past, past, "we " + past, "they " + past],
        "fut": ["I will " + en, "you will " + en, "will " + en, "we will " + en, "they will " + en],
        "cond": ["would " + en, "you would " + en, "would " + en, "we would " + en, "they would " + en],
        "subj": [en, "you " + en, en, "let us " + en, "they " + en],
        "isubj": [past, "you " + past, past, "we " + past, "they " + past],
        "ger": en_ing(en), "part": pp, "inf": en, "imp": en,
    }
    if inf in STATIVE:
        d["impf"] = ["I " + past, "you " + past, past, "we " + past, "they " + past]
    else:
        d["impf"] = ["used to " + en, "you used to " + en, "used to " + en,
                     "we used to " + en, "they used to " + en]
    return d


TENSE_ORDER = ["pres", "pret", "fut", "impf", "cond", "subj", "isubj"]


def add_verb(F, en, section, inf_key=None):
    E = en_tense_forms(en, inf_key or F["inf"])
    for t in TENSE_ORDER:
        for p in range(5):
            add(F[t][p], E[t][p], section)
    add(F["inf"], E["inf"], section)
    add(F["ger"], E["ger"], section)
    add(F["part"], E["part"], section)
    add(F["imp"], E["imp"], section)


OBJ_EN = {"me": "me", "te": "you", "lo": "it", "la": "her", "le": "him",
          "nos": "us", "los": "them", "las": "them", "les": "them"}
# clitic clusters on imperatives: clitic -> english object text
IMP_CL = {"me": "me", "lo": "it", "la": "it", "nos": "us", "los": "them",
          "le": "him", "melo": "it to me", "selo": "it to him"}
INF_CL = {"me": "me", "te": "you", "lo": "it", "la": "her", "le": "him",
          "nos": "us", "los": "them", "melo": "it to me"}
GER_CL = {"me": "me", "te": "you", "lo": "it", "la": "her", "le": "him"}

PRONOMINAL = {}     # inf -> english for reflexive/pronominal use
REFLEX_SELF = set(["matar", "cortar", "lastimar", "quemar", "ahorcar", "colgar", "tirar", "herir", "golpear", "pegar", "drogar"])


CHAT_VERBS = set(["decir", "dar", "llamar", "escribir", "mandar", "pasar", "contar", "dejar", "mirar", "borrar", "ayudar", "esperar", "enviar", "explicar", "enseñar", "mostrar", "traer", "llevar", "buscar", "avisar", "hacer", "poner", "quitar", "abrir", "cerrar", "leer", "ver", "oír", "escuchar", "perdonar", "creer", "seguir", "agregar", "añadir", "bloquear", "desbloquear", "textear", "contestar", "responder", "preguntar", "subir", "bajar", "descargar", "compartir", "guardar", "tomar", "comer", "beber", "cuidar", "calmar", "callar", "sentar", "quedar", "ir", "venir", "salir", "levantar", "acostar", "dormir", "despertar", "vestir", "mover", "apurar", "tranquilizar", "relajar", "olvidar", "recordar", "matar", "cortar", "lastimar", "pegar", "tocar", "besar", "abrazar", "querer", "odiar", "amar", "golpear", "amenazar", "obligar", "castigar", "gritar", "insultar", "molestar", "acosar", "encerrar", "grabar", "chantajear", "ignorar", "extrañar", "necesitar", "conocer", "entender", "proteger", "agarrar", "empujar", "engañar", "robar", "pagar", "invitar", "recoger", "acompañar", "prestar", "regalar", "comprar", "vender", "ofrecer", "sacar", "meter", "echar", "botar", "correr", "esconder", "escapar", "preocupar", "asustar", "enojar", "cansar", "aburrir", "sentir", "conectar", "registrar", "inscribir", "preparar", "entregar", "revisar", "chequear", "firmar", "llenar", "imprimir", "copiar", "practicar", "aprender", "terminar", "acabar", "cambiar", "intentar", "probar", "dejar", "confiar", "creer", "mentir", "pedir", "servir", "repetir", "elegir", "tener", "saber", "poder", "salir", "caer", "volver", "devolver", "encontrar", "jugar", "pensar", "empezar", "perder", "hablar", "callar", "calmar", "portar", "apurar", "alejar", "acercar"])


def add_enclitics(F, en, section):
    en = OBJ_VERBS.get(F["inf"], en)
    E = en_tense_forms(en, F["inf"])
    inf = F["inf"]
    if inf not in CHAT_VERBS and inf.replace("í", "i") not in CHAT_VERBS:
        base_inf = inf.replace("ír", "ir")
        pron = PRONOMINAL.get(inf)
        add(enclitic(base_inf, "se"), pron or E["inf"], section)
        add(enclitic(base_inf, "me"), pron or (E["inf"] + " me"), section)
        add(enclitic(base_inf, "lo"), E["inf"] + " it", section)
        add(enclitic(F["imp"], "me"), E["imp"] + " me", section)
        add(enclitic(F["imp"], "te"), pron or (E["imp"] + " yourself"), section)
        add(enclitic(F["imp"], "lo"), E["imp"] + " it", section)
        return
    base_inf = inf.replace("ír", "ir")
    pron = PRONOMINAL.get(inf)
    # infinitive + clitics
    for cl, o in INF_CL.items():
        if inf in REFLEX_SELF and cl == "me":
            add(enclitic(base_inf, cl), E["inf"] + " myself", section)
            continue
        if inf in REFLEX_SELF and cl == "te":
            add(enclitic(base_inf, cl), E["inf"] + " yourself", section)
            continue
        if pron and cl in ("me", "te", "nos"):
            add(enclitic(base_inf, cl), pron, section)
            continue
        add(enclitic(base_inf, cl), E["inf"] + " " + o, section)
    if inf in REFLEX_SELF:
        add(enclitic(base_inf, "se"), E["inf"] + " oneself", section)
    else:
        add(enclitic(base_inf, "se"), pron or E["inf"], section)
    # imperative tú + clitics
    imp = F["imp"]
    for cl, o in IMP_CL.items():
        add(enclitic(imp, cl), E["imp"] + " " + o, section)
    add(enclitic(imp, "te"), pron or (E["imp"] + " yourself"), section)
    # usted imperative (= subj él)
    us = F["subj"][2]
    for cl in ("me", "lo", "la", "nos", "le", "melo"):
        add(enclitic(us, cl), E["imp"] + " " + IMP_CL[cl], section)
    add(enclitic(us, "se"), pron or (E["imp"] + " yourself"), section)
    # ustedes imperative + se (cállense, váyanse)
    add(enclitic(F["subj"][4], "se"), pron or (E["imp"] + " yourselves"), section)
    # gerund + clitics
    ger = F["ger"]
    for cl, o in GER_CL.items():
        add(enclitic(ger, cl), E["ger"] + " " + o, section)
    add(enclitic(ger, "se"), (en_ing(pron) if pron else E["ger"]), section)


def add_pronominal_phrases(F, en_pron, section, self_ref=False):
    """me siento -> I feel; se fue -> left; nos vamos -> we are leaving"""
    E = en_tense_forms(en_pron, F["inf"])
    refl = ["me", "te", "se", "nos", "se"]
    self_en = ["myself", "yourself", "himself", "ourselves", "themselves"]
    for t in ("pres", "pret", "impf", "fut"):
        for p in range(5):
            g = E[t][p].replace("oneself", self_en[p])
            if self_ref:
                g = g + " " + self_en[p]
            add(refl[p] + " " + F[t][p], g, section)
    add("me " + F["ger"], en_ing(en_pron), section)   # estoy ... (rare order) harmless


def add_object_phrases(F, en, section, pronouns=("me", "te", "lo", "la", "le")):
    """me pega -> hits me; te pego -> I hit you; lo odio -> I hate him"""
    E = en_tense_forms(en, F["inf"])
    pobj = {"me": "me", "te": "you", "nos": "us", "lo": "him", "la": "her",
            "le": "him", "les": "them", "los": "them", "las": "them"}
    clash = {"me": 0, "te": 1, "nos": 3}
    for t in ("pres", "pret", "impf"):
        for p in range(5):
            for pr in pronouns:
                if clash.get(pr) == p:
                    continue
                g = E[t][p]
                if p == 2 or p == 4:  # él / ellos: add subject for clarity
                    pass
                add(pr + " " + F[t][p], g + " " + pobj[pr], section)


# ---------------------------------------------------------------------------
# Fully irregular verbs written out by hand
# ---------------------------------------------------------------------------
def F_(inf, pres, pret, impf, fut, cond, subj, isubj, ger, part, imp):
    def sp(s):
        return s.split()
    return {"inf": inf, "pres": sp(pres), "pret": sp(pret), "impf": sp(impf),
            "fut": sp(fut), "cond": sp(cond), "subj": sp(subj), "isubj": sp(isubj),
            "ger": ger, "part": part, "imp": imp}


SER = F_("ser", "soy eres es somos son", "fui fuiste fue fuimos fueron",
         "era eras era éramos eran", "seré serás será seremos serán",
         "sería serías sería seríamos serían", "sea seas sea seamos sean",
         "fuera fueras fuera fuéramos fueran", "siendo", "sido", "sé")
ESTAR = F_("estar", "estoy estás está estamos están", "estuve estuviste estuvo estuvimos estuvieron",
           "estaba estabas estaba estábamos estaban", "estaré estarás estará estaremos estarán",
           "estaría estarías estaría estaríamos estarían", "esté estés esté estemos estén",
           "estuviera estuvieras estuviera estuviéramos estuvieran", "estando", "estado", "está")
IR = F_("ir", "voy vas va vamos van", "fui fuiste fue fuimos fueron",
        "iba ibas iba íbamos iban", "iré irás irá iremos irán",
        "iría irías iría iríamos irían", "vaya vayas vaya vayamos vayan",
        "fuera fueras fuera fuéramos fueran", "yendo", "ido", "ve")
DAR = F_("dar", "doy das da damos dan", "di diste dio dimos dieron",
         "daba dabas daba dábamos daban", "daré darás dará daremos darán",
         "daría darías daría daríamos darían", "dé des dé demos den",
         "diera dieras diera diéramos dieran", "dando", "dado", "da")
VER = F_("ver", "veo ves ve vemos ven", "vi viste vio vimos vieron",
         "veía veías veía veíamos veían", "veré verás verá veremos verán",
         "vería verías vería veríamos verían", "vea veas vea veamos vean",
         "viera vieras viera viéramos vieran", "viendo", "visto", "ve")
HABER = F_("haber", "he has ha hemos han", "hube hubiste hubo hubimos hubieron",
           "había habías había habíamos habían", "habré habrás habrá habremos habrán",
           "habría habrías habría habríamos habrían", "haya hayas haya hayamos hayan",
           "hubiera hubieras hubiera hubiéramos hubieran", "habiendo", "habido", "he")
REIR = F_("reír", "río ríes ríe reímos ríen", "reí reíste rió reímos rieron",
          "reía reías reía reíamos reían", "reiré reirás reirá reiremos reirán",
          "reiría reirías reiría reiríamos reirían", "ría rías ría riamos rían",
          "riera rieras riera riéramos rieran", "riendo", "reído", "ríe")
SONREIR = {k: ([("son" + x) if not x.startswith("r") else "son" + x for x in v]
               if isinstance(v, list) else "son" + v) for k, v in REIR.items()}
FREIR = {k: ([("f" + x) for x in v] if isinstance(v, list) else "f" + v) for k, v in REIR.items()}
FREIR["part"] = "frito"
OIR = F_("oír", "oigo oyes oye oímos oyen", "oí oíste oyó oímos oyeron",
         "oía oías oía oíamos oían", "oiré oirás oirá oiremos oirán",
         "oiría oirías oiría oiríamos oirían", "oiga oigas oiga oigamos oigan",
         "oyera oyeras oyera oyéramos oyeran", "oyendo", "oído", "oye")

# (infinitive, english, conjugate-kwargs)
IRREG = [
    ("tener", "have", dict(sc="ie", yo="tengo", pret="tuv", fut="tendr", imp="ten")),
    ("hacer", "do", dict(yo="hago", pret="hic", fut="har", part="hecho", imp="haz",
                          over={"pret": ["hice", "hiciste", "hizo", "hicimos", "hicieron"]})),
    ("poder", "can", dict(sc="ue", pret="pud", fut="podr", ger="pudiendo")),
    ("decir", "say", dict(sc="i", yo="digo", pret="dij", fut="dir", part="dicho", imp="di")),
    ("querer", "want", dict(sc="ie", pret="quis", fut="querr")),
    ("saber", "know", dict(yo="sé", pret="sup", fut="sabr", subj="sep")),
    ("poner", "put", dict(yo="pongo", pret="pus", fut="pondr", part="puesto", imp="pon")),
    ("salir", "go out", dict(yo="salgo", fut="saldr", imp="sal")),
    ("venir", "come", dict(sc="ie", yo="vengo", pret="vin", fut="vendr", imp="ven")),
    ("traer", "bring", dict(yo="traigo", pret="traj")),
    ("caer", "fall", dict(yo="caigo")),
    ("valer", "be worth", dict(yo="valgo", fut="valdr")),
    ("caber", "fit", dict(yo="quepo", pret="cup", fut="cabr")),
    ("andar", "walk", dict(pret="anduv")),
    ("conducir", "drive", dict(zco=True, pret="conduj")),
    ("traducir", "translate", dict(zco=True, pret="traduj")),
    ("producir", "produce", dict(zco=True, pret="produj")),
    ("reducir", "reduce", dict(zco=True, pret="reduj")),
    ("introducir", "introduce", dict(zco=True, pret="introduj")),
    ("morir", "die", dict(sc="ue", part="muerto")),
    ("dormir", "sleep", dict(sc="ue")),
    ("sentir", "feel", dict(sc="ie")),
    ("mentir", "lie", dict(sc="ie")),
    ("preferir", "prefer", dict(sc="ie")),
    ("divertir", "amuse", dict(sc="ie")),
    ("convertir", "turn into", dict(sc="ie")),
    ("herir", "wound", dict(sc="ie")),
    ("sugerir", "suggest", dict(sc="ie")),
    ("advertir", "warn", dict(sc="ie")),
    ("arrepentir", "regret", dict(sc="ie")),
    ("consentir", "spoil", dict(sc="ie")),
    ("requerir", "require", dict(sc="ie")),
    ("invertir", "invest", dict(sc="ie")),
    ("hervir", "boil", dict(sc="ie")),
    ("pedir", "ask for", dict(sc="i")),
    ("seguir", "follow", dict(sc="i")),
    ("conseguir", "get", dict(sc="i")),
    ("perseguir", "chase", dict(sc="i")),
    ("servir", "serve", dict(sc="i")),
    ("repetir", "repeat", dict(sc="i")),
    ("vestir", "dress", dict(sc="i")),
    ("medir", "measure", dict(sc="i")),
    ("elegir", "choose", dict(sc="i")),
    ("corregir", "correct", dict(sc="i")),
    ("competir", "compete", dict(sc="i")),
    ("despedir", "fire", dict(sc="i")),
    ("impedir", "prevent", dict(sc="i")),
    ("rendir", "perform", dict(sc="i")),
    ("pensar", "think", dict(sc="ie")),
    ("empezar", "start", dict(sc="ie")),
    ("comenzar", "begin", dict(sc="ie")),
    ("cerrar", "close", dict(sc="ie")),
    ("encerrar", "lock up", dict(sc="ie")),
    ("despertar", "wake up", dict(sc="ie")),
    ("entender", "understand", dict(sc="ie")),
    ("perder", "lose", dict(sc="ie")),
    ("encender", "turn on", dict(sc="ie")),
    ("defender", "defend", dict(sc="ie")),
    ("sentar", "sit", dict(sc="ie")),
    ("negar", "deny", dict(sc="ie")),
    ("calentar", "heat", dict(sc="ie")),
    ("recomendar", "recommend", dict(sc="ie")),
    ("confesar", "confess", dict(sc="ie")),
    ("temblar", "shake", dict(sc="ie")),
    ("tropezar", "trip", dict(sc="ie")),
    ("nevar", "snow", dict(sc="ie")),
    ("atravesar", "cross", dict(sc="ie")),
    ("apretar", "squeeze", dict(sc="ie")),
    ("gobernar", "govern", dict(sc="ie")),
    ("manifestar", "protest", dict(sc="ie")),
    ("extender", "extend", dict(sc="ie")),
    ("descender", "go down", dict(sc="ie")),
    ("enterrar", "bury", dict(sc="ie")),
    ("fregar", "scrub", dict(sc="ie")),
    ("regar", "water", dict(sc="ie")),
    ("volver", "come back", dict(sc="ue", part="vuelto")),
    ("devolver", "give back", dict(sc="ue", part="devuelto")),
    ("resolver", "solve", dict(sc="ue", part="resuelto")),
    ("envolver", "wrap", dict(sc="ue", part="envuelto")),
    ("mover", "move", dict(sc="ue")),
    ("doler", "hurt", dict(sc="ue")),
    ("llover", "rain", dict(sc="ue")),
    ("contar", "tell", dict(sc="ue")),
    ("encontrar", "find", dict(sc="ue")),
    ("costar", "cost", dict(sc="ue")),
    ("mostrar", "show", dict(sc="ue")),
    ("demostrar", "prove", dict(sc="ue")),
    ("probar", "try", dict(sc="ue")),
    ("aprobar", "pass", dict(sc="ue")),
    ("comprobar", "check", dict(sc="ue")),
    ("recordar", "remember", dict(sc="ue")),
    ("acordar", "agree", dict(sc="ue")),
    ("soñar", "dream", dict(sc="ue")),
    ("sonar", "sound", dict(sc="ue")),
    ("volar", "fly", dict(sc="ue")),
    ("almorzar", "have lunch", dict(sc="ue")),
    ("acostar", "put to bed", dict(sc="ue")),
    ("colgar", "hang up", dict(sc="ue")),
    ("rogar", "beg", dict(sc="ue")),
    ("soltar", "let go", dict(sc="ue")),
    ("torcer", "twist", dict(sc="ue")),
    ("morder", "bite", dict(sc="ue")),
    ("oler", "smell", dict(sc="ue")),
    ("renovar", "renew", dict(sc="ue")),
    ("forzar", "force", dict(sc="ue")),
    ("esforzar", "strain", dict(sc="ue")),
    ("tostar", "toast", dict(sc="ue")),
    ("promover", "promote", dict(sc="ue")),
    ("remover", "stir", dict(sc="ue")),
    ("jugar", "play", dict(sc="uj")),
    ("adquirir", "acquire", dict(sc="ii")),
    ("conocer", "know", dict(zco=True)),
    ("reconocer", "recognize", dict(zco=True)),
    ("desconocer", "not know", dict(zco=True)),
    ("parecer", "seem", dict(zco=True)),
    ("aparecer", "appear", dict(zco=True)),
    ("desaparecer", "disappear", dict(zco=True)),
    ("crecer", "grow", dict(zco=True)),
    ("nacer", "be born", dict(zco=True)),
    ("merecer", "deserve", dict(zco=True)),
    ("ofrecer", "offer", dict(zco=True)),
    ("agradecer", "thank", dict(zco=True)),
    ("obedecer", "obey", dict(zco=True)),
    ("desobedecer", "disobey", dict(zco=True)),
    ("pertenecer", "belong", dict(zco=True)),
    ("establecer", "establish", dict(zco=True)),
    ("permanecer", "remain", dict(zco=True)),
    ("enloquecer", "go crazy", dict(zco=True)),
    ("fortalecer", "strengthen", dict(zco=True)),
    ("padecer", "suffer", dict(zco=True)),
    ("amanecer", "wake up", dict(zco=True)),
    ("oscurecer", "get dark", dict(zco=True)),
    ("favorecer", "favor", dict(zco=True)),
    ("complacer", "please", dict(zco=True)),
    ("lucir", "look", dict(zco=True)),
    ("construir", "build", dict(uir=True)),
    ("destruir", "destroy", dict(uir=True)),
    ("huir", "run away", dict(uir=True)),
    ("incluir", "include", dict(uir=True)),
    ("excluir", "exclude", dict(uir=True)),
    ("contribuir", "contribute", dict(uir=True)),
    ("distribuir", "distribute", dict(uir=True)),
    ("sustituir", "replace", dict(uir=True)),
    ("concluir", "conclude", dict(uir=True)),
    ("influir", "influence", dict(uir=True)),
    ("enviar", "send", dict(accent="i")),
    ("confiar", "trust", dict(accent="i")),
    ("guiar", "guide", dict(accent="i")),
    ("criar", "raise", dict(accent="i")),
    ("espiar", "spy on", dict(accent="i")),
    ("vaciar", "empty", dict(accent="i")),
    ("desconfiar", "distrust", dict(accent="i")),
    ("enfriar", "cool", dict(accent="i")),
    ("variar", "vary", dict(accent="i")),
    ("continuar", "continue", dict(accent="u")),
    ("graduar", "graduate", dict(accent="u")),
    ("actuar", "act", dict(accent="u")),
    ("evaluar", "evaluate", dict(accent="u")),
    ("situar", "place", dict(accent="u")),
    ("abrir", "open", dict(part="abierto")),
    ("escribir", "write", dict(part="escrito")),
    ("describir", "describe", dict(part="descrito")),
    ("inscribir", "sign up", dict(part="inscrito")),
    ("romper", "break", dict(part="roto")),
    ("cubrir", "cover", dict(part="cubierto")),
    ("descubrir", "discover", dict(part="descubierto")),
    ("imprimir", "print", dict(part="impreso")),
    ("proteger", "protect", dict()),
    ("recoger", "pick up", dict()),
    ("coger", "grab", dict()),
    ("escoger", "choose", dict()),
    ("exigir", "demand", dict()),
    ("dirigir", "direct", dict()),
    ("fingir", "pretend", dict()),
    ("surgir", "come up", dict()),
    ("distinguir", "distinguish", dict()),
    ("vencer", "defeat", dict()),
    ("convencer", "convince", dict()),
    ("creer", "believe", dict()),
    ("leer", "read", dict()),
    ("poseer", "own", dict()),
    ("proveer", "provide", dict()),
]

# prefixed compounds of irregular bases: (prefix, base, english)
COMPOUNDS = [
    ("man", "tener", "keep"), ("ob", "tener", "get"), ("de", "tener", "stop"),
    ("con", "tener", "contain"), ("sos", "tener", "support"), ("re", "tener", "hold back"),
    ("entre", "tener", "entertain"), ("a", "tener", "stick to"),
    ("su", "poner", "suppose"), ("pro", "poner", "propose"), ("com", "poner", "fix"),
    ("ex", "poner", "expose"), ("im", "poner", "impose"), ("dis", "poner", "arrange"),
    ("o", "poner", "oppose"), ("re", "poner", "replace"), ("pos", "poner", "postpone"),
    ("descom", "poner", "break down"),
    ("des", "hacer", "undo"), ("re", "hacer", "redo"),
    ("pre", "venir", "prevent"), ("con", "venir", "suit"), ("inter", "venir", "intervene"),
    ("pro", "venir", "come from"),
    ("a", "traer", "attract"), ("dis", "traer", "distract"), ("con", "traer", "catch"),
    ("pre", "decir", "predict"), ("contra", "decir", "contradict"),
    ("sobre", "salir", "stand out"),
    ("re", "caer", "relapse"), ("de", "caer", "decline"),
    ("pre", "ver", "foresee"),
]

# Regular verbs (spelling changes -car/-gar/-zar/-ger/-gir/-guir are automatic)
REGULAR = """
hablar:talk; llamar:call; mirar:look at; buscar:look for; tocar:touch; pegar:hit;
golpear:beat; amenazar:threaten; castigar:punish; obligar:force; quitar:take away;
gritar:yell; insultar:insult; molestar:bother; acosar:harass; abusar:abuse;
maltratar:mistreat; empujar:push; patear:kick; cachetear:slap; ahorcar:hang;
ahogar:choke; asfixiar:suffocate; lastimar:hurt; matar:kill; cortar:cut; quemar:burn;
suicidar:kill oneself; drogar:drug; emborrachar:get drunk; violar:rape; manosear:grope;
besar:kiss; abrazar:hug; acariciar:caress; agarrar:grab; jalar:pull; arrastrar:drag;
encerrar:lock up; atar:tie up; amarrar:tie up; secuestrar:kidnap; robar:steal;
chantajear:blackmail; extorsionar:extort; vigilar:watch; acechar:stalk; espiar:spy on;
denunciar:report; reportar:report; avisar:warn; contestar:answer; responder:answer;
preguntar:ask; explicar:explain; ayudar:help; apoyar:support; cuidar:take care of;
escuchar:listen to; ignorar:ignore; bloquear:block; borrar:delete; eliminar:delete;
publicar:post; postear:post; subir:upload; bajar:go down; descargar:download;
compartir:share; mandar:send; textear:text; chatear:chat; textar:text; grabar:record;
filmar:film; fotografiar:photograph; etiquetar:tag; comentar:comment; seguir:follow;
conectar:connect; desconectar:disconnect; cargar:charge; apagar:turn off; prender:turn on;
usar:use; necesitar:need; trabajar:work; estudiar:study; practicar:practice;
aprender:learn; enseñar:teach; terminar:finish; acabar:finish; comprar:buy; vender:sell;
pagar:pay; cobrar:charge; ganar:earn; gastar:spend; ahorrar:save; prestar:lend;
deber:should; tomar:take; beber:drink; comer:eat; cenar:have dinner; desayunar:have breakfast;
cocinar:cook; limpiar:clean; lavar:wash; barrer:sweep; planchar:iron; trapear:mop;
vivir:live; llegar:arrive; entrar:enter; pasar:happen; quedar:stay; dejar:leave;
llevar:take; mudar:move; viajar:travel; caminar:walk; correr:run; manejar:drive;
esperar:wait; escapar:escape; regresar:return; visitar:visit; invitar:invite;
aceptar:accept; rechazar:reject; decidir:decide; cambiar:change; intentar:try;
tratar:try; lograr:achieve; alcanzar:reach; olvidar:forget; perdonar:forgive;
amar:love; odiar:hate; gustar:like; encantar:love; importar:matter; interesar:interest;
preocupar:worry; asustar:scare; enojar:anger; enfadar:anger; aburrir:bore;
cansar:tire; llorar:cry; gritar:yell; sufrir:suffer; aguantar:put up with;
soportar:stand; tolerar:tolerate; calmar:calm; relajar:relax; respirar:breathe;
descansar:rest; dibujar:draw; pintar:paint; cantar:sing; bailar:dance; tocar:touch;
nadar:swim; entrenar:train; ganar:win; celebrar:celebrate; disfrutar:enjoy;
janguear:hang out; vacilar:joke around; bregar:deal with; chambear:work; jalar:pull;
parar:stop; detener:stop; arreglar:fix; reparar:repair; instalar:install;
programar:program; diseñar:design; crear:create; desarrollar:develop; manejar:manage;
organizar:organize; planear:plan; preparar:prepare; revisar:check; chequear:check;
verificar:verify; confirmar:confirm; cancelar:cancel; reservar:book; solicitar:apply for;
aplicar:apply; registrar:register; matricular:enroll; inscribir:sign up;
entregar:turn in; presentar:present; calificar:grade; suspender:suspend; reprobar:fail;
copiar:copy; faltar:miss; asistir:attend; participar:participate; contratar:hire;
emplear:employ; renunciar:quit; ascender:promote; entrevistar:interview; firmar:sign;
llenar:fill out; rellenar:fill out; completar:complete; imprimir:print; escanear:scan;
adjuntar:attach; guardar:save; abrir:open; cerrar:close; empacar:pack; mover:move;
levantar:lift; tirar:throw; botar:throw out; echar:throw; lanzar:throw; recibir:receive;
aceptar:accept; notar:notice; observar:observe; mencionar:mention; contar:tell;
comunicar:communicate; platicar:chat; conversar:talk; discutir:argue; pelear:fight;
luchar:fight; defender:defend; proteger:protect; salvar:save; rescatar:rescue;
sobrevivir:survive; curar:heal; sanar:heal; vomitar:vomit; sangrar:bleed; toser:cough;
estornudar:sneeze; desmayar:faint; marear:make dizzy; enfermar:get sick; mejorar:improve;
empeorar:get worse; adelgazar:lose weight; engordar:gain weight; pesar:weigh;
ayunar:fast; purgar:purge; tomar:take; inyectar:inject; fumar:smoke; vapear:vape;
inhalar:inhale; tragar:swallow; masticar:chew; probar:taste; oler:smell;
bañar:bathe; duchar:shower; peinar:comb; maquillar:put makeup on; afeitar:shave;
vestir:dress; desnudar:undress; quitar:take off; mojar:wet; secar:dry;
acostar:lie down; levantar:get up; despertar:wake up; roncar:snore;
casar:marry; divorciar:divorce; separar:separate; juntar:join; unir:unite;
salir:go out; citar:make an appointment; enamorar:make fall in love; coquetear:flirt;
ligar:hook up; tirar:throw; chingar:fuck; joder:fuck; follar:fuck; culear:fuck;
mamar:suck; chupar:suck; lamer:lick; morder:bite; rascar:scratch; arañar:scratch;
pellizcar:pinch; apretar:squeeze; sujetar:hold down; cubrir:cover; tapar:cover;
esconder:hide; ocultar:hide; mentir:lie; engañar:deceive; traicionar:betray;
confiar:trust; dudar:doubt; sospechar:suspect; creer:believe; adivinar:guess;
imaginar:imagine; suponer:suppose; soñar:dream; desear:wish; anhelar:long for;
extrañar:miss; añorar:miss; echar:throw; recordar:remember; acordar:agree;
celar:be jealous; envidiar:envy; admirar:admire; respetar:respect; valorar:value;
agradecer:thank; felicitar:congratulate; saludar:greet; despedir:say goodbye;
abandonar:abandon; rechazar:reject; excluir:exclude; burlar:mock; humillar:humiliate;
avergonzar:shame; culpar:blame; acusar:accuse; juzgar:judge; criticar:criticize;
regañar:scold; corregir:correct; educar:raise; mimar:spoil; consolar:comfort;
animar:cheer up; motivar:motivate; inspirar:inspire; aconsejar:advise;
orientar:guide; guiar:guide; mentorear:mentor; acompañar:accompany; visitar:visit;
conocer:know; presentar:introduce; juntar:gather; reunir:gather; quedar:meet;
invitar:invite; recoger:pick up; llevar:carry; traer:bring; buscar:pick up;
manejar:drive; estacionar:park; tomar:take; montar:ride; abordar:board;
cruzar:cross; doblar:turn; girar:turn; avanzar:move forward; retroceder:go back;
caminar:walk; pasear:stroll; correr:run; saltar:jump; brincar:jump; trepar:climb;
escalar:climb; subir:go up; bajar:go down; caer:fall; tropezar:trip; resbalar:slip;
chocar:crash; explotar:explode; disparar:shoot; balear:shoot; apuñalar:stab;
acuchillar:knife; asaltar:mug; atracar:rob; arrestar:arrest; detener:arrest;
esposar:handcuff; encarcelar:jail; deportar:deport; emigrar:emigrate;
inmigrar:immigrate; cruzar:cross; legalizar:legalize; tramitar:process;
renovar:renew; vencer:expire; caducar:expire; pagar:pay; deber:owe; prestar:lend;
cobrar:charge; depositar:deposit; retirar:withdraw; transferir:transfer;
invertir:invest; apostar:bet; gastar:spend; desperdiciar:waste; malgastar:waste;
rentar:rent; alquilar:rent; desalojar:evict; mudar:move; empacar:pack;
compartir:share; dormir:sleep; soñar:dream; roncar:snore; madrugar:get up early;
trasnochar:stay up late; jugar:play; ganar:win; perder:lose; empatar:tie;
anotar:score; marcar:dial; entrenar:train; competir:compete; nadar:swim;
patinar:skate; esquiar:ski; pescar:fish; cazar:hunt; acampar:camp;
gozar:enjoy; reír:laugh; sonreír:smile; bromear:joke; molestar:tease;
fastidiar:annoy; irritar:irritate; estresar:stress; agobiar:overwhelm;
deprimir:depress; desesperar:despair; frustrar:frustrate; decepcionar:disappoint;
lamentar:regret; arrepentir:regret; quejar:complain; protestar:protest;
reclamar:claim; exigir:demand; insistir:insist; rogar:beg; suplicar:plead;
implorar:beg; prometer:promise; jurar:swear; cumplir:fulfill; fallar:fail;
fracasar:fail; triunfar:succeed; superar:overcome; mejorar:improve; avanzar:advance;
progresar:progress; crecer:grow; madurar:mature; cambiar:change; transformar:transform;
convertir:convert; adaptar:adapt; acostumbrar:get used to; aprender:learn;
memorizar:memorize; repasar:review; leer:read; escribir:write; redactar:draft;
editar:edit; corregir:proofread; traducir:translate; calcular:calculate;
sumar:add; restar:subtract; multiplicar:multiply; dividir:divide; medir:measure;
contar:count; comparar:compare; analizar:analyze; investigar:research;
experimentar:experiment; descubrir:discover; inventar:invent; construir:build;
soldar:weld; cablear:wire; conectar:connect; atornillar:screw; martillar:hammer;
pintar:paint; clavar:nail; cortar:cut; medir:measure; tejer:knit; coser:sew;
hornear:bake; freír:fry; hervir:boil; mezclar:mix; servir:serve; atender:serve;
cargar:carry; descargar:unload; repartir:deliver; entregar:deliver; enviar:send;
recibir:receive; firmar:sign; sellar:stamp; archivar:file; teclear:type;
navegar:browse; googlear:google; scrollear:scroll; likear:like; stalkear:stalk;
hackear:hack; bloquear:block; desbloquear:unblock; reportar:report;
silenciar:mute; mutear:mute; spamear:spam; trolear:troll; streamear:stream;
gamear:game; jaquear:hack; loguear:log in; clickear:click; cliquear:click;
tuitear:tweet; snapear:snap; facetimear:facetime; zoomear:zoom; printear:print;
parquear:park; chequear:check; textear:text; lonchar:have lunch; janguiar:hang out;
pichar:ignore; frontear:confront; bloquear:block; boxear:box; guayar:grate;
vacunar:vaccinate; operar:operate; recetar:prescribe; internar:hospitalize;
hospitalizar:hospitalize; diagnosticar:diagnose; tratar:treat; examinar:examine;
cepillar:brush; embarazar:get pregnant; abortar:abort; parir:give birth;
amamantar:breastfeed; adoptar:adopt; criar:raise; alimentar:feed; bañar:bathe;
cambiar:change; cuidar:babysit; nanear:babysit; limpiar:clean; ordenar:tidy;
recoger:pick up; tender:hang out; doblar:fold; colgar:hang; sacar:take out;
meter:put in; poner:put; colocar:place; agregar:add; añadir:add; quitar:remove;
apartar:set aside; separar:separate; ocupar:occupy; llenar:fill; vaciar:empty;
pasar:pass; dar:give; regalar:give a gift; donar:donate; ofrecer:offer;
prestar:lend; devolver:return; ganar:earn; cobrar:get paid; ahorrar:save;
sobrar:be left over; faltar:be missing; bastar:be enough; alcanzar:be enough;
tardar:take long; demorar:delay; durar:last; quedar:be left; tocar:be one's turn;
hallar:find; encontrar:find; perder:lose; extraviar:lose; olvidar:forget;
apuntar:write down; anotar:note; señalar:point; indicar:indicate; mostrar:show;
enseñar:show; demostrar:demonstrate; probar:prove; comprobar:check; averiguar:find out;
enterar:find out; informar:inform; notificar:notify; advertir:warn; alertar:alert;
asegurar:ensure; garantizar:guarantee; prohibir:forbid; permitir:allow; autorizar:authorize;
dejar:let; impedir:prevent; evitar:avoid; negar:deny; afirmar:affirm;
aclarar:clarify; entender:understand; comprender:understand; captar:get;
pensar:think; considerar:consider; opinar:think; reflexionar:reflect;
meditar:meditate; orar:pray; rezar:pray; bendecir:bless; confesar:confess;
pecar:sin; perdonar:forgive; ayunar:fast; celebrar:celebrate; festejar:celebrate;
brindar:toast; emborrachar:get drunk; tomar:drink; fumar:smoke; jartar:stuff;
hartar:fed up; cansar:tire out; agotar:exhaust; gastar:wear out; romper:break;
quebrar:break; dañar:damage; arruinar:ruin; destrozar:destroy; arañar:scratch;
rayar:scratch; manchar:stain; ensuciar:dirty; oler:smell; apestar:stink;
brillar:shine; llover:rain; nevar:snow; tronar:thunder; mojar:get wet;
congelar:freeze; calentar:heat; enfriar:cool; prender:light; apagar:put out;
callar:shut up; equivocar:mistake; portar:behave; atrever:dare; recuperar:recover;
fijar:fix; apurar:hurry; tranquilizar:calm; vengar:avenge; largar:leave;
dedicar:dedicate; acercar:bring closer; alejar:move away; presionar:pressure;
confundir:confuse; atrasar:delay; escabullir:sneak;
"""

# Pronominal (reflexive) meanings: infinitive -> english for 'me X' / 'Xse'
PRONOMINAL.update({
    "ir": "leave", "quedar": "stay", "sentir": "feel", "llamar": "be named",
    "callar": "shut up", "sentar": "sit down", "levantar": "get up",
    "acostar": "go to bed", "dormir": "fall asleep", "despertar": "wake up",
    "bañar": "shower", "duchar": "shower", "vestir": "get dressed",
    "preocupar": "worry", "enojar": "get angry", "enfadar": "get angry",
    "molestar": "get upset", "asustar": "get scared", "cansar": "get tired",
    "aburrir": "get bored", "olvidar": "forget", "acordar": "remember",
    "quejar": "complain", "reír": "laugh", "burlar": "make fun",
    "casar": "get married", "divorciar": "get divorced", "separar": "break up",
    "mudar": "move out", "escapar": "run away", "esconder": "hide",
    "matar": "kill oneself", "suicidar": "kill oneself", "cortar": "cut oneself",
    "lastimar": "hurt oneself", "morir": "die", "caer": "fall down",
    "enamorar": "fall in love", "emborrachar": "get drunk", "drogar": "get high",
    "arrepentir": "regret", "equivocar": "make a mistake", "portar": "behave",
    "calmar": "calm down", "relajar": "relax", "tranquilizar": "calm down",
    "encerrar": "lock oneself in", "desnudar": "undress", "conectar": "get online",
    "registrar": "sign up", "inscribir": "sign up", "graduar": "graduate",
    "atrever": "dare", "negar": "refuse", "poner": "get", "hacer": "become",
    "volver": "become", "quitar": "take off", "pelear": "fight", "juntar": "hang out",
    "ver": "look", "encontrar": "meet up", "comunicar": "get in touch",
    "rendir": "give up", "perder": "get lost", "ahogar": "drown",
    "desmayar": "faint", "marear": "get dizzy", "enfermar": "get sick",
    "mejorar": "get better", "recuperar": "recover", "estresar": "get stressed",
    "deprimir": "get depressed", "agobiar": "get overwhelmed", "desesperar": "despair",
    "alejar": "get away", "acercar": "come closer", "meter": "get into",
    "fijar": "notice", "imaginar": "imagine", "llevar": "get along",
    "bajar": "get off", "subir": "get on", "cuidar": "take care of oneself",
    "quemar": "burn oneself", "ahorcar": "hang oneself", "tirar": "throw oneself",
    "colgar": "hang oneself", "esforzar": "try hard", "preparar": "get ready",
    "apurar": "hurry", "mojar": "get wet", "acostumbrar": "get used to",
    "dar": "give oneself", "tomar": "take", "comer": "eat up", "parecer": "look like",
    "despedir": "say goodbye", "enterar": "find out", "decepcionar": "get disappointed",
    "frustrar": "get frustrated", "confundir": "get confused", "perdonar": "forgive oneself",
    "odiar": "hate oneself", "golpear": "hit oneself", "pegar": "hit oneself",
    "tocar": "touch oneself", "sacar": "take out", "pasar": "go too far",
    "salir": "get out", "venir": "come over", "echar": "lie down", "tardar": "take long",
    "atrasar": "fall behind", "sentir mal": "feel bad", "ocupar": "take care of",
    "dedicar": "work as", "interesar": "be interested", "preguntar": "wonder",
    "matricular": "enroll", "maquillar": "put on makeup", "afeitar": "shave",
    "peinar": "comb hair", "lavar": "wash", "secar": "dry off", "cepillar": "brush",
    "vengar": "get revenge", "escabullir": "sneak out", "largar": "leave",
    "vacilar": "joke around", "salvar": "be saved", "curar": "heal",
    "embarazar": "get pregnant", "crear": "create", "reunir": "get together",
    "criar": "grow up", "acabar": "run out", "terminar": "be over", "romper": "break",
    "quebrar": "break", "dañar": "break down", "mover": "move", "parar": "stand up",
    "cambiar": "change clothes", "guardar": "keep", "creer": "believe oneself",
    "llenar": "fill up", "tratar": "be about", "aguantar": "hold on",
    "enfriar": "get cold", "calentar": "get heated", "lanzar": "jump",
    "abrir": "open up", "cerrar": "close off", "defender": "defend oneself",
    "proteger": "protect oneself", "ofrecer": "volunteer", "apuntar": "sign up",
})

REGULAR_FLAGS = {
    "apostar": dict(sc="ue"), "tronar": dict(sc="ue"), "soldar": dict(sc="ue"),
    "quebrar": dict(sc="ie"), "ascender": dict(sc="ie"), "atender": dict(sc="ie"),
    "tender": dict(sc="ie"), "transferir": dict(sc="ie"), "esquiar": dict(accent="i"),
    "fotografiar": dict(accent="i"), "extraviar": dict(accent="i"),
    "reunir": dict(accent="u"), "prohibir": dict(accent="i"),
    "bendecir": dict(sc="i", yo="bendigo", pret="bendij", imp="bendice"),
    "maldecir": dict(sc="i", yo="maldigo", pret="maldij", imp="maldice"),
    "avergonzar": dict(sc="ue", over={"pres": ["avergüenzo", "avergüenzas", "avergüenza", "avergonzamos", "avergüenzan"],
                                       "subj": ["avergüence", "avergüences", "avergüence", "avergoncemos", "avergüencen"]}),
    "confundir": dict(), "atrasar": dict(), "escabullir": dict(),
}

# ===========================================================================
# HAND-WRITTEN LEXICON
# ===========================================================================
FUNCTION_WORDS = r"""
# --- articles / determiners
el|the
la|the
los|the
las|the
lo|it
un|a
una|a
unos|some
unas|some
al|to the
del|of the
este|this
esta|this
esto|this
estos|these
estas|these
ese|that
esa|that
eso|that
esos|those
esas|those
aquel|that
aquella|that
aquello|that
aquellos|those
aquellas|those
éste|this one
ésta|this one
ése|that one
ésa|that one
# --- subject pronouns
yo|I
tú|you
vos|you
usted|you
ustedes|you all
él|he
ella|she
ello|it
nosotros|we
nosotras|we
vosotros|you all
vosotras|you all
ellos|they
ellas|they
uds|you all
ud|you
ud.|you
uds.|you all
# --- object / reflexive pronouns
me|me
te|you
se|
nos|us
le|him
les|them
mí|me
ti|you
sí|yes
si|if
conmigo|with me
contigo|with you
consigo|with himself
# --- possessives
mi|my
mis|my
tu|your
tus|your
su|his
sus|his
nuestro|our
nuestra|our
nuestros|our
nuestras|our
mío|mine
mía|mine
míos|mine
mías|mine
tuyo|yours
tuya|yours
tuyos|yours
tuyas|yours
suyo|his
suya|hers
suyos|theirs
suyas|theirs
# --- prepositions
a|to
ante|before
bajo|under
con|with
contra|against
de|of
desde|since
durante|during
en|in
entre|between
hacia|toward
hasta|until
mediante|through
para|for
por|for
según|according to
sin|without
sobre|about
tras|after
excepto|except
salvo|except
incluso|even
encima|on top
debajo|underneath
adentro|inside
afuera|outside
dentro|inside
fuera|outside
delante|in front
detrás|behind
atrás|back
adelante|ahead
enfrente|across
cerca|near
lejos|far
junto|together
juntos|together
juntas|together
alrededor|around
arriba|up
abajo|down
pa|for
pa'|for
pal|for the
p|for
# --- conjunctions
y|and
e|and
o|or
u|or
ni|nor
pero|but
sino|but rather
aunque|although
porque|because
pues|well
entonces|then
luego|later
así|like this
como|like
cuando|when
mientras|while
donde|where
que|that
si|if
ya|already
también|also
tampoco|neither
además|besides
sin embargo|however
o sea|I mean
es decir|that is
o sea que|so
así que|so
para que|so that
por eso|that is why
por lo tanto|therefore
ya que|since
en cuanto|as soon as
antes de|before
después de|after
a pesar de|despite
aun así|even so
# --- question words
qué|what
quién|who
quiénes|who
cuál|which
cuáles|which
cómo|how
cuándo|when
dónde|where
adónde|where to
cuánto|how much
cuánta|how much
cuántos|how many
cuántas|how many
por qué|why
porqué|why
para qué|what for
quien|who
quienes|who
cual|which
cuales|which
cuanto|how much
cuanta|how much
cuantos|how many
cuantas|how many
adonde|where to
# --- negation / affirmation
no|no
nunca|never
jamás|never
nada|nothing
nadie|nobody
ninguno|none
ninguna|none
ningún|no
ningunos|none
ningunas|none
tampoco|not either
sí|yes
claro|sure
vale|ok
dale|ok
ok|ok
okay|ok
oki|ok
okey|ok
bueno|well
obvio|obviously
exacto|exactly
seguro|sure
# --- quantifiers
todo|all
toda|all
todos|everyone
todas|all
algo|something
alguien|someone
alguno|some
alguna|some
algún|some
algunos|some
algunas|some
mucho|a lot
mucha|a lot of
muchos|many
muchas|many
poco|little
poca|little
pocos|few
pocas|few
más|more
mas|more
menos|less
muy|very
bastante|quite
demasiado|too much
demasiada|too much
demasiados|too many
demasiadas|too many
tanto|so much
tanta|so much
tantos|so many
tantas|so many
otro|another
otra|another
otros|others
otras|others
cada|each
varios|several
varias|several
ambos|both
ambas|both
mismo|same
misma|same
mismos|same
mismas|same
cualquier|any
cualquiera|anyone
casi|almost
solo|only
sólo|only
solamente|only
nomás|just
na'|nothing
medio|half
media|half
ningunito|none
un montón|a lot
un poco|a little
un chin|a little
un chin chin|a tiny bit
un chorro|a lot
un chingo|a lot
un vergo|a lot
un pocotón|a lot
bastantes|quite a few
# --- adverbs
aquí|here
acá|here
ahí|there
allí|there
allá|over there
ahora|now
ahorita|right now
ahoritita|right now
ahorita mismo|right now
ahora mismo|right now
ya mismo|right away
todavía|still
aún|still
aun|even
siempre|always
nunca|never
a veces|sometimes
a menudo|often
de vez en cuando|once in a while
casi nunca|hardly ever
casi siempre|almost always
otra vez|again
de nuevo|again
pronto|soon
tarde|late
temprano|early
antes|before
después|after
despues|after
luego|later
bien|well
mal|bad
mejor|better
peor|worse
así|like that
rápido|fast
despacio|slowly
quizás|maybe
quizá|maybe
tal vez|maybe
talvez|maybe
a lo mejor|maybe
igual|anyway
realmente|really
de verdad|really
en serio|seriously
enserio|seriously
neta|for real
la neta|honestly
de veras|really
sobre todo|especially
especialmente|especially
totalmente|totally
completamente|completely
obviamente|obviously
probablemente|probably
seguramente|surely
finalmente|finally
solamente|only
simplemente|simply
nuevamente|again
básicamente|basically
literalmente|literally
exactamente|exactly
personalmente|personally
directamente|directly
inmediatamente|immediately
rápidamente|quickly
constantemente|constantly
tranquilamente|calmly
sinceramente|sincerely
honestamente|honestly
afortunadamente|fortunately
desafortunadamente|unfortunately
lamentablemente|unfortunately
# --- time words
hoy|today
ayer|yesterday
anteayer|day before yesterday
antier|day before yesterday
mañana|tomorrow
pasado mañana|day after tomorrow
anoche|last night
esta noche|tonight
esta mañana|this morning
esta tarde|this afternoon
en la mañana|in the morning
por la mañana|in the morning
en la tarde|in the afternoon
por la tarde|in the afternoon
en la noche|at night
por la noche|at night
de noche|at night
de día|by day
madrugada|early morning
la madrugada|early morning
de madrugada|in the middle of the night
en la madrugada|in the middle of the night
a medianoche|at midnight
medianoche|midnight
mediodía|noon
fin de semana|weekend
el fin de semana|the weekend
este fin de semana|this weekend
fines de semana|weekends
finde|weekend
el finde|the weekend
entre semana|on weekdays
la semana pasada|last week
la próxima semana|next week
la semana que viene|next week
el año pasado|last year
el próximo año|next year
el año que viene|next year
el mes pasado|last month
el próximo mes|next month
el mes que viene|next month
hace rato|a while ago
al rato|in a while
ahora no|not now
todos los días|every day
todo el día|all day
toda la noche|all night
todo el tiempo|all the time
cada día|every day
cada vez|every time
cada vez más|more and more
lunes|Monday
martes|Tuesday
miércoles|Wednesday
miercoles|Wednesday
jueves|Thursday
viernes|Friday
sábado|Saturday
sabado|Saturday
domingo|Sunday
enero|January
febrero|February
marzo|March
abril|April
mayo|May
junio|June
julio|July
agosto|August
septiembre|September
setiembre|September
octubre|October
noviembre|November
diciembre|December
verano|summer
invierno|winter
otoño|fall
primavera|spring
# --- numbers
cero|zero
uno|one
dos|two
tres|three
cuatro|four
cinco|five
seis|six
siete|seven
ocho|eight
nueve|nine
diez|ten
once|eleven
doce|twelve
trece|thirteen
catorce|fourteen
quince|fifteen
dieciséis|sixteen
dieciseis|sixteen
diecisiete|seventeen
dieciocho|eighteen
diecinueve|nineteen
veinte|twenty
veintiuno|twenty-one
veintiún|twenty-one
veintidós|twenty-two
veinticinco|twenty-five
treinta|thirty
cuarenta|forty
cincuenta|fifty
sesenta|sixty
setenta|seventy
ochenta|eighty
noventa|ninety
cien|hundred
ciento|hundred
cientos|hundreds
doscientos|two hundred
trescientos|three hundred
quinientos|five hundred
mil|thousand
miles|thousands
millón|million
millones|millions
primero|first
primer|first
primera|first
segundo|second
segunda|second
tercero|third
tercer|third
tercera|third
cuarto|fourth
quinto|fifth
último|last
última|last
últimos|last
últimas|last
próximo|next
próxima|next
siguiente|next
anterior|previous
doble|double
mitad|half
# --- texting abbreviations
q|that
k|what
ke|that
qe|that
xq|because
pq|because
porq|because
x|for
xfa|please
xfavor|please
porfa|please
porfis|please
porfavor|please
por favor|please
pls|please
plis|please
plz|please
tb|also
tmb|also
tmbn|also
tambien|also
tbm|also
tqm|I love you so much
tq|I love you
tkm|I love you so much
tk|I love you
tqiero|I love you
tamo|we are
tamos|we are
ntp|do not worry
nd|nothing
nada|nothing
bn|good
msj|message
msjs|messages
mjs|messages
d|of
dnd|where
dnde|where
cdo|when
cnd|when
xd|lol
jaja|haha
jajaja|haha
jajajaja|haha
jajajajaja|haha
jeje|hehe
jejeje|hehe
jiji|hehe
jsjs|haha
jsjsjs|haha
ajaja|haha
jaj|haha
jajaj|haha
lol|lol
alv|fuck it
ctm|son of a bitch
ptm|damn
hdp|son of a bitch
hp|son of a bitch
nmms|no way
nms|no way
ntc|just kidding
nmr|no way
grax|thanks
grx|thanks
gracias|thanks
salu2|greetings
bss|kisses
bsos|kisses
bso|kiss
besos|kisses
besitos|kisses
bye|bye
bai|bye
chao|bye
chau|bye
adiós|goodbye
adios|goodbye
hola|hello
holaa|hello
holi|hi
holis|hi
buenas|hello
wenas|hello
wena|good
weno|well
ola|hello
toy|I am
tas|you are
ta|is
tá|is
tan|so
toi|I am
stoy|I am
sta|is
stamos|we are
dsps|after
dps|after
dsp|after
aki|here
aca|here
asi|like this
ahi|there
alla|over there
aqui|here
ahorita|right now
tons|then
entons|then
ntons|then
nc|I do not know
nose|I do not know
nosé|I do not know
idk|I do not know
quien sabe|who knows
vdd|right
vd|true
vrdd|truth
bno|well
bueno|well
mxo|a lot
mxs|many
mucho|a lot
hno|brother
hna|sister
hnos|siblings
pa'lante|forward
palante|forward
pa lante|forward
pa'trás|back
patrás|back
pa' que|so that
pa que|so that
pa'que|so that
pa qué|what for
"""

PHRASES = r"""
# --- greetings / small talk
qué onda|what's up
que onda|what's up
q onda|what's up
k onda|what's up
qué tal|how are you
que tal|how are you
qué pasa|what's up
que pasa|what's up
qué pasó|what happened
que paso|what happened
q paso|what happened
qué haces|what are you doing
que haces|what are you doing
q haces|what are you doing
qué hubo|what's up
quiubo|what's up
qué hay|what's up
qué más|what's up
que mas|what's up
qué lo que|what's up
klk|what's up
qlq|what's up
qloq|what's up
q lo q|what's up
cómo estás|how are you
como estas|how are you
como tas|how are you
cómo está|how are you
cómo están|how are you all
cómo te va|how is it going
como te va|how is it going
cómo vas|how are you doing
cómo te fue|how did it go
como te fue|how did it go
cómo te sientes|how do you feel
como te sientes|how do you feel
cómo sigues|how are you now
todo bien|all good
todo bien?|all good?
todo tranquilo|all calm
bien y tú|good and you
bien y tu|good and you
y tú|and you
y tu|and you
buenos días|good morning
buenos dias|good morning
buen día|good morning
buenas tardes|good afternoon
buenas noches|good night
hasta luego|see you later
hasta mañana|see you tomorrow
nos vemos|see you
nos vidrios|see you
cuídate|take care
cuidate|take care
mucho gusto|nice to meet you
con permiso|excuse me
de nada|you are welcome
no hay de qué|you are welcome
lo siento|I am sorry
lo siento mucho|I am very sorry
perdón|sorry
perdon|sorry
disculpa|excuse me
disculpe|excuse me
me llamo|my name is
se llama|his name is
te llamas|your name is
cómo te llamas|what is your name
como te llamas|what is your name
cuántos años tienes|how old are you
cuantos años tienes|how old are you
cuantos anos tienes|how old are you
qué edad tienes|how old are you
que edad tienes|how old are you
tengo años|I am years old
de dónde eres|where are you from
de donde eres|where are you from
dónde vives|where do you live
donde vives|where do you live
en qué escuela|what school
a qué escuela vas|what school do you go to
# --- idioms: time, frequency
a veces|sometimes
aveces|sometimes
a cada rato|all the time
a la vez|at the same time
al mismo tiempo|at the same time
de repente|suddenly
derrepente|suddenly
de pronto|suddenly
por fin|finally
al fin|finally
al final|in the end
a tiempo|on time
a la hora|on time
por ahora|for now
por el momento|for now
hasta ahora|so far
desde ya|right now
ya no|not anymore
ya no más|no more
ya nomás|just
todavía no|not yet
aún no|not yet
ya casi|almost
ya mero|almost
ya merito|almost
de una|right away
de una vez|once and for all
en seguida|right away
enseguida|right away
al tiro|right away
ya mismo|right now
sin falta|without fail
para siempre|forever
pa siempre|forever
por siempre|forever
nunca más|never again
ni modo|oh well
ni de broma|no way
ni loco|no way
ni loca|no way
ni en sueños|no way
de ninguna manera|no way
ni pensarlo|no way
para nada|not at all
pa nada|not at all
en absoluto|not at all
por supuesto|of course
claro que sí|of course
claro que no|of course not
desde luego|of course
por si acaso|just in case
por si las moscas|just in case
a propósito|on purpose
sin querer|by accident
por accidente|by accident
a lo mejor|maybe
puede ser|maybe
tal vez|maybe
de todas formas|anyway
de todos modos|anyway
de todas maneras|anyway
en fin|anyway
o sea|I mean
lo que sea|whatever
como sea|whatever
da igual|whatever
me da igual|I do not care
me vale|I do not care
me vale madre|I do not care at all
me vale verga|I do not give a fuck
me vale gorro|I do not care
me importa un carajo|I do not give a damn
me importa un pepino|I do not care
me importa un pito|I do not care
no me importa|I do not care
no importa|it does not matter
qué importa|who cares
a quién le importa|who cares
me da lo mismo|I do not care
# --- emotions / distress
me da miedo|I am afraid
me dan miedo|they scare me
le tengo miedo|I am afraid of him
le tengo miedo a|I am afraid of
tengo miedo|I am afraid
tenía miedo|I was afraid
tengo mucho miedo|I am very afraid
me da vergüenza|I am embarrassed
me da pena|I am embarrassed
me da asco|it disgusts me
me da rabia|it makes me angry
me da coraje|it makes me angry
me da ansiedad|it gives me anxiety
me dan ganas de|it makes me want to
me dan ganas|I feel like
me da flojera|I feel lazy
me da hueva|I feel lazy
me da igual|I do not care
me da tristeza|it makes me sad
me pone triste|it makes me sad
me pone nervioso|it makes me nervous
me pone nerviosa|it makes me nervous
me pone incómodo|it makes me uncomfortable
me pone incómoda|it makes me uncomfortable
me siento incómodo|I feel uncomfortable
me siento incómoda|I feel uncomfortable
me hace sentir|makes me feel
me hizo sentir|made me feel
me hace daño|hurts me
me hizo daño|hurt me
me hacen daño|they hurt me
hacerme daño|hurt myself
hacerse daño|hurt oneself
me hago daño|I hurt myself
me hice daño|I hurt myself
tengo ganas de|I feel like
tengo ganas|I want to
no tengo ganas|I do not feel like it
no tengo ganas de nada|I do not feel like doing anything
sin ganas|without energy
ganas de morir|wanting to die
ganas de morirme|want to die
quiero morirme|I want to die
me quiero morir|I want to die
quiero morir|I want to die
ya no quiero vivir|I do not want to live anymore
no quiero vivir|I do not want to live
no quiero seguir|I do not want to go on
no quiero seguir viviendo|I do not want to keep living
quiero desaparecer|I want to disappear
me quiero matar|I want to kill myself
me voy a matar|I am going to kill myself
quitarme la vida|take my own life
quitarse la vida|take one's own life
acabar con todo|end it all
acabar con mi vida|end my life
no vale la pena|it is not worth it
vale la pena|it is worth it
estaría mejor sin mí|would be better without me
mejor sin mí|better without me
sin mí|without me
sin mi|without me
para mí|for me
para mi|for me
a mí|to me
a mi|to me
a ti|to you
de mí|of me
nadie me quiere|nobody loves me
nadie me entiende|nobody understands me
nadie me escucha|nobody listens to me
nadie me cree|nobody believes me
a nadie le importa|nobody cares
a nadie le importo|nobody cares about me
no le importo a nadie|nobody cares about me
no sirvo para nada|I am useless
soy un estorbo|I am a burden
soy una carga|I am a burden
no aguanto más|I cannot take it anymore
no aguanto mas|I cannot take it anymore
ya no aguanto|I cannot take it anymore
no puedo más|I cannot go on
no puedo mas|I cannot go on
ya no puedo|I cannot anymore
ya no puedo más|I cannot take it anymore
estoy harto|I am fed up
estoy harta|I am fed up
estoy cansado de|I am tired of
estoy cansada de|I am tired of
estoy solo|I am alone
estoy sola|I am alone
me siento solo|I feel lonely
me siento sola|I feel lonely
me siento mal|I feel bad
me siento bien|I feel good
me siento triste|I feel sad
me siento vacío|I feel empty
me siento vacía|I feel empty
me siento perdido|I feel lost
me siento perdida|I feel lost
estoy bien|I am fine
estoy mal|I am not ok
estoy triste|I am sad
estoy deprimido|I am depressed
estoy deprimida|I am depressed
estoy estresado|I am stressed
estoy estresada|I am stressed
estoy agobiado|I am overwhelmed
estoy agobiada|I am overwhelmed
estoy asustado|I am scared
estoy asustada|I am scared
estoy preocupado|I am worried
estoy preocupada|I am worried
estoy cansado|I am tired
estoy cansada|I am tired
estoy enfermo|I am sick
estoy enferma|I am sick
estoy embarazada|I am pregnant
esta bien|it is ok
está bien|it is ok
estas bien|are you ok
estás bien|are you ok
todo va a estar bien|everything will be ok
todo va a salir bien|everything will be ok
no pasa nada|it is ok
no te preocupes|do not worry
no te preocupe|do not worry
tranquilo|calm down
tranquila|calm down
tranqui|calm down
cálmate|calm down
calmate|calm down
me duele|it hurts me
me duelen|they hurt me
me duele mucho|it hurts a lot
me duele la cabeza|I have a headache
me duele el estómago|I have a stomachache
me duele la panza|I have a stomachache
tengo hambre|I am hungry
tengo mucha hambre|I am very hungry
tienes hambre|are you hungry
tenemos hambre|we are hungry
pasar hambre|go hungry
paso hambre|I go hungry
pasamos hambre|we go hungry
no hay comida|there is no food
no tengo comida|I have no food
no he comido|I have not eaten
no he comido nada|I have not eaten anything
no como|I do not eat
tengo sed|I am thirsty
tengo sueño|I am sleepy
tengo frío|I am cold
tengo frio|I am cold
tengo calor|I am hot
tengo prisa|I am in a hurry
tengo razón|I am right
tienes razón|you are right
tienes razon|you are right
tengo que|I have to
tienes que|you have to
tiene que|has to
tenemos que|we have to
tienen que|they have to
tenía que|I had to
tuve que|I had to
hay que|you have to
no hay|there is no
hay|there is
había|there was
habia|there was
hubo|there was
habrá|there will be
no tengo a nadie|I have no one
no tengo dónde|I have nowhere
no tengo donde|I have nowhere
no tengo dónde dormir|I have nowhere to sleep
no tengo donde dormir|I have nowhere to sleep
no tengo dónde quedarme|I have nowhere to stay
no tengo donde quedarme|I have nowhere to stay
no tengo casa|I have no home
en la calle|on the street
vivo en la calle|I live on the street
dormir en la calle|sleep on the street
# --- home / family trouble
me bota de la casa|kicks me out of the house
me botó de la casa|kicked me out of the house
me botaron de la casa|they kicked me out of the house
me botaron|they kicked me out
me echó de la casa|kicked me out of the house
me echaron de la casa|they kicked me out of the house
me corrió de la casa|kicked me out of the house
me corrieron de la casa|they kicked me out of the house
correr de la casa|kick out of the house
me corre de la casa|kicks me out of the house
me sacó de la casa|kicked me out of the house
me sacaron de la casa|they kicked me out of the house
me van a botar|they are going to kick me out
me va a botar|is going to kick me out
me van a echar|they are going to kick me out
me quiere botar|wants to kick me out
me escapé de la casa|I ran away from home
me escapé|I ran away
me fui de la casa|I left home
me voy de la casa|I am leaving home
me quiero ir de la casa|I want to leave home
irme de la casa|leave home
me pega|hits me
me pegó|hit me
me pegaron|they hit me
me pegan|they hit me
me pegaba|used to hit me
me golpea|beats me
me golpeó|beat me
me golpean|they beat me
me da golpes|hits me
me dio una cachetada|slapped me
me dio una pela|gave me a beating
me dan pela|they beat me
una pela|a beating
pela|beating
me dio una paliza|beat me up
paliza|beating
me dio un puño|punched me
me dieron una golpiza|they beat me up
golpiza|beating
me dejó marcas|left marks on me
me deja marcas|leaves marks on me
me tocó|touched me
me toca|touches me
me tocaba|used to touch me
me tocan|they touch me
me manosea|gropes me
me manoseó|groped me
me obliga|forces me
me obligó|forced me
me obligan|they force me
me encierra|locks me up
me encerró|locked me up
me encierran|they lock me up
me amenaza|threatens me
me amenazó|threatened me
me amenazan|they threaten me
me grita|yells at me
me gritó|yelled at me
me gritan|they yell at me
me insulta|insults me
me quita|takes from me
me quitó|took from me
me quitaron|they took from me
me quitó el celular|took my phone
me quitaron el celular|they took my phone
me quitan el teléfono|they take my phone
me castiga|punishes me
me castigó|punished me
me castigaron|they punished me
estoy castigado|I am grounded
estoy castigada|I am grounded
me sigue|follows me
me siguió|followed me
me está siguiendo|is following me
me persigue|stalks me
me vigila|watches me
me acosa|harasses me
me acosó|harassed me
me molesta|bothers me
me molestan|they bother me
me hacen bullying|they bully me
me hace bullying|bullies me
me hacen bully|they bully me
me buleán|they bully me
me bulean|they bully me
me hacen la vida imposible|they make my life hell
no me deja|does not let me
no me dejan|they do not let me
no me deja salir|does not let me go out
no me dejan salir|they do not let me go out
déjame en paz|leave me alone
dejame en paz|leave me alone
déjame tranquilo|leave me alone
déjame tranquila|leave me alone
no me toques|do not touch me
no me hables|do not talk to me
no me escribas|do not text me
no me llames|do not call me
no me mandes|do not send me
no quiero|I do not want
no quiero ir|I do not want to go
no quiero volver|I do not want to go back
no quiero ir a casa|I do not want to go home
no quiero volver a casa|I do not want to go back home
tengo miedo de ir a casa|I am afraid to go home
tengo miedo de volver|I am afraid to go back
en casa|at home
a casa|home
la casa|the house
mi casa|my house
tu casa|your house
su casa|his house
casa de|house of
de la casa|of the house
fuera de casa|out of the house
# --- secrecy / grooming
nadie se va a enterar|nobody is going to find out
nadie va a saber|nobody will know
nadie tiene que saber|nobody has to know
nadie tiene por qué saber|nobody needs to know
no le digas a nadie|do not tell anyone
no le digas|do not tell him
no les digas|do not tell them
no se lo digas|do not tell him
no se lo digas a nadie|do not tell anyone
no le cuentes a nadie|do not tell anyone
no le cuentes|do not tell him
no digas nada|do not say anything
no diga nada|do not say anything
entre tú y yo|between you and me
entre tu y yo|between you and me
entre nosotros|between us
es un secreto|it is a secret
nuestro secreto|our secret
queda entre nosotros|stays between us
que quede entre nosotros|let it stay between us
guárdame el secreto|keep my secret
no le digas a tus papás|do not tell your parents
no le digas a tu mamá|do not tell your mom
no le digas a tu mama|do not tell your mom
no le digas a tus padres|do not tell your parents
borra los mensajes|delete the messages
borra el chat|delete the chat
borra esto|delete this
bórralo|delete it
borralo|delete it
bórrala|delete it
bórralos|delete them
borralos|delete them
bórrame|delete me
mándame una foto|send me a photo
mandame una foto|send me a photo
mándame fotos|send me photos
mandame fotos|send me photos
mándame foto|send me a photo
pásame una foto|send me a photo
pásame fotos|send me photos
una foto tuya|a photo of you
fotos tuyas|photos of you
foto tuya|photo of you
sin ropa|without clothes
desnudo|naked
desnuda|naked
en ropa interior|in underwear
mándame tu número|send me your number
pásame tu número|give me your number
pasame tu numero|give me your number
dame tu número|give me your number
dame tu numero|give me your number
tu número|your number
tu numero|your number
tu dirección|your address
tu direccion|your address
dónde vives|where you live
te recojo|I will pick you up
te paso a buscar|I will pick you up
te busco|I will pick you up
te llevo|I will take you
nos vemos en|let us meet at
vernos en persona|meet in person
en persona|in person
a solas|alone
tú y yo solos|you and me alone
solos tú y yo|just you and me
te compro|I will buy you
te regalo|I will give you
te doy dinero|I will give you money
te pago|I will pay you
eres muy madura|you are very mature
eres muy maduro|you are very mature
eres madura para tu edad|you are mature for your age
eres maduro para tu edad|you are mature for your age
para tu edad|for your age
eres especial|you are special
eres muy especial|you are very special
eres diferente|you are different
nadie te entiende como yo|nobody understands you like I do
yo te entiendo|I understand you
yo sí te entiendo|I do understand you
confía en mí|trust me
confia en mi|trust me
puedes confiar en mí|you can trust me
puedes confiar en mi|you can trust me
te quiero|I love you
te amo|I love you
te quiero mucho|I love you so much
te extraño|I miss you
te extraño mucho|I miss you a lot
te echo de menos|I miss you
echar de menos|miss
echo de menos|I miss
te necesito|I need you
me gustas|I like you
me gustas mucho|I really like you
me encantas|I love you
estás bien buena|you are really hot
estas bien buena|you are really hot
está buena|she is hot
esta buena|she is hot
está bueno|he is hot
qué rica|how hot
que rica|how hot
mamacita|hot girl
mami|babe
papi|babe
bebé|baby
bebe|baby
mi amor|my love
mi vida|my love
mi cielo|darling
cariño|honey
corazón|sweetheart
mi reina|my queen
mi rey|my king
princesa|princess
# --- common verb idioms
darse cuenta|realize
me di cuenta|I realized
me doy cuenta|I realize
te diste cuenta|you realized
se dio cuenta|realized
se dan cuenta|they realize
se dieron cuenta|they realized
darse de baja|drop out
me di de baja|I dropped out
me voy a dar de baja|I am going to drop out
dar de baja|drop
me quiero dar de baja|I want to drop out
darse por vencido|give up
me doy por vencido|I give up
me doy por vencida|I give up
me rindo|I give up
tener en cuenta|keep in mind
hacer caso|pay attention
no me hace caso|does not listen to me
no me hacen caso|they do not listen to me
hacer falta|be needed
me hace falta|I need
me haces falta|I miss you
me haces mucha falta|I miss you so much
echar la culpa|blame
me echa la culpa|blames me
es mi culpa|it is my fault
es culpa mía|it is my fault
fue mi culpa|it was my fault
no es tu culpa|it is not your fault
no fue tu culpa|it was not your fault
tener la culpa|be to blame
me cae bien|I like him
me cae mal|I do not like him
me caes bien|I like you
me caes mal|I do not like you
me cae gordo|I cannot stand him
me cae pesado|I cannot stand him
me gusta|I like
me gustan|I like
me gustó|I liked
me gustaría|I would like
me gustaria|I would like
te gusta|you like
te gustan|you like
te gustó|you liked
te gustaría|would you like
te gustaria|would you like
le gusta|likes
le gustan|likes
le gustó|liked
nos gusta|we like
les gusta|they like
me encanta|I love
me encantan|I love
me encantó|I loved
te encanta|you love
me importa|I care
me importas|I care about you
te importa|you care
me preocupa|it worries me
me preocupas|I am worried about you
me molesta|it bothers me
me interesa|I am interested
me interesa mucho|I am very interested
me toca|it is my turn
te toca|it is your turn
me tocó|I had to
me pasó|happened to me
qué te pasó|what happened to you
que te paso|what happened to you
qué te pasa|what is wrong with you
que te pasa|what is wrong
qué le pasó|what happened to him
me pasa|happens to me
me pasa algo|something is wrong with me
me pasó algo|something happened to me
le pasó algo|something happened to him
pasa algo|something is wrong
pasó algo|something happened
me fui|I left
me voy|I am leaving
me tengo que ir|I have to go
me tengo q ir|I have to go
ya me voy|I am leaving now
vámonos|let us go
vamonos|let us go
vamos|let us go
vamos a|we are going to
voy a|I am going to
vas a|you are going to
va a|is going to
van a|they are going to
iba a|was going to
ibas a|you were going to
íbamos a|we were going to
iban a|they were going to
fui a|I went to
fue a|went to
fuimos a|we went to
fueron a|they went to
vine a|I came to
vengo de|I come from
acabo de|I just
acabas de|you just
acaba de|just
acabamos de|we just
acaban de|they just
acabo de llegar|I just arrived
dejar de|stop
deja de|stop
dejé de|I stopped
dejó de|stopped
volver a|again
vuelve a|does again
volví a|I again
quiero que|I want
no quiero que|I do not want
quiere que|wants
quieres que|do you want me to
quieres ir|do you want to go
quieres salir|do you want to go out
necesito ayuda|I need help
necesito hablar|I need to talk
necesito hablar con alguien|I need to talk to someone
puedo hablar contigo|can I talk to you
podemos hablar|can we talk
hablar con alguien|talk to someone
pedir ayuda|ask for help
ayúdame|help me
ayudame|help me
ayuda|help
auxilio|help
socorro|help
por favor ayúdame|please help me
llama a la policía|call the police
llamar a la policía|call the police
llamé a la policía|I called the police
la policía|the police
la poli|the police
la jara|the police
la chota|the police
el 911|911
al 911|to 911
# --- agreement, opinions
estoy de acuerdo|I agree
de acuerdo|agreed
no estoy de acuerdo|I disagree
tiene sentido|makes sense
no tiene sentido|makes no sense
me parece bien|sounds good
me parece|I think
creo que|I think
creo que sí|I think so
creo que no|I do not think so
pienso que|I think
no sé|I do not know
no se|I do not know
no lo sé|I do not know
no lo se|I do not know
ni idea|no idea
ni sé|I do not even know
quién sabe|who knows
ya sé|I know
ya se|I know
ya lo sé|I know
lo sé|I know
yo sé|I know
tú sabes|you know
tu sabes|you know
sabes qué|you know what
sabes que|you know that
es que|it is just that
lo que pasa es que|the thing is
lo que|what
lo cual|which
el que|the one who
la que|the one who
los que|those who
las que|those who
lo mismo|the same
lo mejor|the best
lo peor|the worst
lo bueno|the good thing
lo malo|the bad thing
lo único|the only thing
a mí también|me too
a mi tambien|me too
yo también|me too
yo tambien|me too
yo tampoco|me neither
a mí tampoco|me neither
yo no|not me
yo sí|I do
tú también|you too
igualmente|likewise
qué bueno|that is good
que bueno|that is good
qué bien|great
que bien|great
qué mal|that is bad
que mal|that is bad
qué pena|what a shame
que pena|what a shame
qué triste|how sad
que triste|how sad
qué lástima|what a pity
que lastima|what a pity
qué asco|gross
que asco|gross
qué miedo|how scary
que miedo|how scary
qué raro|how weird
que raro|how weird
qué chido|how cool
que chido|how cool
qué padre|how cool
que padre|how cool
qué chévere|how cool
que chevere|how cool
qué bacano|how cool
que bacano|how cool
qué nota|how cool
qué cool|how cool
que cool|how cool
qué vaina|what a mess
que vaina|what a mess
qué fue|what's up
qué es|what is
que es|what is
qué es eso|what is that
qué dices|what are you saying
que dices|what are you saying
qué quieres|what do you want
que quieres|what do you want
qué necesitas|what do you need
qué hiciste|what did you do
qué vas a hacer|what are you going to do
por qué no|why not
porque no|because no
por qué sí|why yes
para qué|what for
de qué|about what
con quién|with whom
con quien|with whom
a qué hora|at what time
a que hora|at what time
hasta qué hora|until what time
cuánto cuesta|how much does it cost
cuanto cuesta|how much does it cost
cuánto pagan|how much do they pay
cuanto pagan|how much do they pay
cuánto ganas|how much do you earn
# --- slang idioms
está cabrón|it is tough
esta cabron|it is tough
está cabrona|it is tough
está de pinga|it is awesome
está brutal|it is awesome
está duro|it is tough
está fuerte|it is intense
está heavy|it is intense
está jevi|it is cool
está chido|it is cool
está padre|it is cool
está chévere|it is cool
está bacano|it is cool
está de madre|it is awesome
está del carajo|it is awesome
está cabrón|it is tough
está de pinga|it is great
estoy en eso|I am on it
en eso estoy|I am on it
estoy ready|I am ready
estoy puesto|I am ready
estoy puesta|I am ready
me tiene harto|I am fed up with him
me tiene harta|I am fed up with him
me tiene hasta la madre|I am sick of it
estoy hasta la madre|I am sick of it
me vale|I do not care
no manches|no way
no mames|no way
no mamen|no way
ni modo|oh well
qué oso|how embarrassing
que oso|how embarrassing
qué pedo|what's up
que pedo|what's up
qué pex|what's up
que pex|what's up
qué rollo|what's up
que rollo|what's up
ni pedo|oh well
a huevo|hell yes
ahuevo|hell yes
órale|wow
orale|wow
ándale|come on
andale|come on
chale|damn
híjole|oh no
hijole|oh no
aguas|watch out
está gacho|it is bad
esta gacho|it is bad
qué gacho|that is bad
que gacho|that is bad
me la pelas|fuck you
chinga tu madre|fuck your mother
vete a la verga|fuck off
vete al carajo|go to hell
vete a la mierda|go to hell
vete pa'l carajo|go to hell
al carajo|to hell
hijo de puta|son of a bitch
hija de puta|daughter of a bitch
hijo de perra|son of a bitch
tu madre|your mother
tu mai|your mother
coño|damn
diache|damn
diablo|damn
manito|bro
bro|bro
broki|bro
brother|brother
loco|crazy
loca|crazy
mi loco|my man
manín|buddy
mi pana|my friend
mi hermano|my brother
mi bro|my bro
qué es la que hay|what's up
que es la que hay|what's up
wepa|yay
wepaa|yay
dímelo|tell me
dimelo|tell me
dime|tell me
dime a ver|tell me
a ver|let's see
aver|let's see
oye|hey
oiga|hey
mira|look
mire|look
fíjate|look
fijate|look
dale pues|ok then
dale que sí|sure
va que va|deal
sale|ok
simón|yes
simon|yes
nel|no
nel pastel|no way
nop|no
nah|no
nope|no
sip|yes
sep|yep
ajá|uh-huh
aja|uh-huh
mhm|uh-huh
eh|eh
ey|hey
ei|hey
uy|oops
ay|oh
ayy|oh
uff|ugh
ugh|ugh
bueno pues|well then
pues sí|well yes
pues no|well no
de nada|you are welcome
con gusto|gladly
cuando quieras|anytime
ya veremos|we will see
a la orden|at your service
ahí nos vemos|see you there
ahí vamos|getting by
ahí voy|coming
ya voy|I am coming
ya llegué|I am here
ya estoy|I am here
estoy aquí|I am here
aquí estoy|I am here
aquí estoy para ti|I am here for you
estoy para ti|I am here for you
cuenta conmigo|count on me
puedes contar conmigo|you can count on me
# --- school & career idioms
sacar buenas notas|get good grades
saqué buena nota|I got a good grade
saqué mala nota|I got a bad grade
sacar malas notas|get bad grades
me fue mal|it went badly
me fue bien|it went well
me fue bien en el examen|I did well on the test
me fue mal en el examen|I did badly on the test
reprobé|I failed
reprobé el examen|I failed the test
me colgaron|they failed me
me quemaron|they failed me
me suspendieron|they suspended me
me expulsaron|they expelled me
me botaron de la escuela|they kicked me out of school
dejar la escuela|drop out of school
dejé la escuela|I dropped out of school
voy a dejar la escuela|I am going to drop out of school
faltar a clase|skip class
falté a clase|I missed class
me voy de pinta|I am skipping class
irse de pinta|skip school
hacer la tarea|do homework
hice la tarea|I did the homework
no hice la tarea|I did not do the homework
hacer una pasantía|do an internship
pasantía de verano|summer internship
trabajo de verano|summer job
programa de verano|summer program
escuela secundaria|high school
escuela superior|high school
high school|high school
escuela intermedia|middle school
middle school|middle school
escuela primaria|elementary school
la universidad|college
la uni|college
el college|college
carta de recomendación|recommendation letter
hoja de vida|resume
cover letter|cover letter
carta de presentación|cover letter
solicitud de empleo|job application
llenar la solicitud|fill out the application
mandar la solicitud|send the application
fecha límite|deadline
buscar trabajo|look for a job
busco trabajo|I am looking for a job
conseguir trabajo|get a job
conseguí trabajo|I got a job
medio tiempo|part time
tiempo completo|full time
a tiempo completo|full time
a medio tiempo|part time
por hora|per hour
la hora|per hour
horas extra|overtime
sin papeles|undocumented
no tengo papeles|I am undocumented
no tiene papeles|is undocumented
no tenemos papeles|we are undocumented
sin documentos|undocumented
indocumentado|undocumented
indocumentada|undocumented
indocumentados|undocumented
me van a deportar|they are going to deport me
lo deportaron|they deported him
la deportaron|they deported her
la migra|immigration enforcement
migra|immigration enforcement
ICE|ICE
ice|ICE
green card|green card
la green|green card
tarjeta verde|green card
residencia|residency
ciudadanía|citizenship
ciudadano|citizen
ciudadana|citizen
pasaporte|passport
visa|visa
asilo|asylum
DACA|DACA
daca|DACA
TPS|TPS
abogado de inmigración|immigration lawyer
seguro social|social security
número de seguro social|social security number
social|social security number
"""

# NOUNS: 'es|en'.  'hermano/a|brother/sister' = gendered pair.
# '!' prefix: no plural generated.  Plurals are generated (Spanish + English).
NOUNS = r"""
# family / people
padre|father
madre|mother
papá|dad
mamá|mom
papa|dad
mama|mom
pa|dad
ma|mom
mami|mom
papi|dad
mamita|mommy
papito|daddy
jefa|mom
jefe|boss
jefes|parents
viejo|old man
vieja|old lady
padres|parents
papás|parents
papas|parents
hijo/a|son/daughter
hermano/a|brother/sister
hermanito/a|little brother/little sister
hermanastro/a|stepbrother/stepsister
medio hermano|half brother
media hermana|half sister
padrastro|stepfather
madrastra|stepmother
abuelo/a|grandfather/grandmother
abuelito/a|grandpa/grandma
abue|grandma
bisabuelo/a|great-grandfather/great-grandmother
nieto/a|grandson/granddaughter
tío/a|uncle/aunt
tio/a|uncle/aunt
primo/a|cousin/cousin
sobrino/a|nephew/niece
padrino|godfather
madrina|godmother
ahijado/a|godson/goddaughter
compadre|buddy
comadre|friend
suegro/a|father-in-law/mother-in-law
cuñado/a|brother-in-law/sister-in-law
esposo/a|husband/wife
marido|husband
mujer|woman
hombre|man
señor|man
señora|lady
señorita|young lady
niño/a|boy/girl
nene/a|kid/girl
chico/a|boy/girl
muchacho/a|boy/girl
joven|young person
adolescente|teenager
menor|minor
menor de edad|minor
mayor de edad|adult
adulto/a|adult/adult
bebé|baby
bebe|baby
familia|family
familiar|relative
pariente|relative
novio/a|boyfriend/girlfriend
jevo/a|boyfriend/girlfriend
ex|ex
pareja|partner
amante|lover
crush|crush
amigo/a|friend/friend
amiguito/a|friend/friend
mejor amigo|best friend
mejor amiga|best friend
compañero/a|classmate/classmate
compa|buddy
vecino/a|neighbor/neighbor
conocido/a|acquaintance/acquaintance
desconocido/a|stranger/stranger
extraño/a|stranger/stranger
gente|people
persona|person
!nadie|nobody
mentor/a|mentor/mentor
voluntario/a|volunteer/volunteer
estudiante|student
alumno/a|student/student
profesor/a|teacher/teacher
profe|teacher
maestro/a|teacher/teacher
míster|teacher
miss|teacher
consejero/a|counselor/counselor
orientador/a|counselor/counselor
tutor/a|tutor/tutor
director/a|principal/principal
subdirector/a|assistant principal/assistant principal
entrenador/a|coach/coach
coach|coach
trabajador social|social worker
trabajadora social|social worker
psicólogo/a|psychologist/psychologist
psicologo/a|psychologist/psychologist
terapeuta|therapist
psiquiatra|psychiatrist
doctor/a|doctor/doctor
médico/a|doctor/doctor
medico/a|doctor/doctor
enfermero/a|nurse/nurse
dentista|dentist
abogado/a|lawyer/lawyer
policía|police officer
policia|police officer
agente|agent
guardia|guard
seguridad|security
juez/a|judge/judge
jueza|judge
cura|priest
pastor/a|pastor/pastor
# careers
ingeniero/a|engineer/engineer
programador/a|programmer/programmer
desarrollador/a|developer/developer
diseñador/a|designer/designer
electricista|electrician
plomero/a|plumber/plumber
fontanero/a|plumber/plumber
carpintero/a|carpenter/carpenter
mecánico/a|mechanic/mechanic
mecanico/a|mechanic/mechanic
soldador/a|welder/welder
albañil|construction worker
obrero/a|worker/worker
trabajador/a|worker/worker
empleado/a|employee/employee
empleador/a|employer/employer
gerente|manager
supervisor/a|supervisor/supervisor
dueño/a|owner/owner
cajero/a|cashier/cashier
mesero/a|waiter/waitress
camarero/a|waiter/waitress
cocinero/a|cook/cook
chef|chef
panadero/a|baker/baker
barbero/a|barber/barber
peluquero/a|hairdresser/hairdresser
estilista|stylist
vendedor/a|salesperson/salesperson
repartidor/a|delivery worker/delivery worker
chofer|driver
chófer|driver
conductor/a|driver/driver
niñero/a|babysitter/babysitter
nana|nanny
limpiador/a|cleaner/cleaner
conserje|janitor
portero/a|doorman/doorman
contador/a|accountant/accountant
secretario/a|secretary/secretary
recepcionista|receptionist
asistente|assistant
auxiliar|aide
técnico/a|technician/technician
tecnico/a|technician/technician
científico/a|scientist/scientist
artista|artist
músico/a|musician/musician
cantante|singer
actor|actor
actriz|actress
escritor/a|writer/writer
periodista|journalist
fotógrafo/a|photographer/photographer
bombero/a|firefighter/firefighter
soldado|soldier
militar|military
paramédico/a|paramedic/paramedic
farmacéutico/a|pharmacist/pharmacist
veterinario/a|vet/vet
arquitecto/a|architect/architect
aprendiz|apprentice
pasante|intern
becario/a|intern/intern
interno/a|intern/intern
practicante|intern
reclutador/a|recruiter/recruiter
cliente|customer
jefe/a|boss/boss
patrón|boss
patron|boss
colega|colleague
# school
escuela|school
colegio|school
liceo|high school
universidad|university
uni|college
college|college
clase|class
aula|classroom
salón|classroom
salon|classroom
tarea|homework
!homework|homework
proyecto|project
examen|exam
prueba|test
test|test
quiz|quiz
nota|grade
calificación|grade
promedio|GPA
grado|grade
materia|subject
curso|course
semestre|semester
trimestre|trimester
año escolar|school year
graduación|graduation
diploma|diploma
título|degree
beca|scholarship
préstamo|loan
ayuda financiera|financial aid
matrícula|tuition
pasantía|internship
internado|internship
práctica|internship
prácticas|internship
taller|workshop
programa|program
currículum|resume
curriculum|resume
currículo|resume
resume|resume
cv|resume
entrevista|interview
solicitud|application
aplicación|application
formulario|form
carta|letter
recomendación|recommendation
referencia|reference
certificado|certificate
certificación|certification
licencia|license
permiso|permission
permiso de trabajo|work permit
working papers|working papers
papeles de trabajo|working papers
detención|detention
castigo|punishment
suspensión|suspension
expulsión|expulsion
biblioteca|library
cafetería|cafeteria
comedor|cafeteria
gimnasio|gym
gym|gym
baño|bathroom
pasillo|hallway
casillero|locker
locker|locker
mochila|backpack
libro|book
cuaderno|notebook
lápiz|pencil
pluma|pen
computadora|computer
compu|computer
laptop|laptop
tablet|tablet
calculadora|calculator
matemáticas|math
mate|math
mates|math
ciencias|science
ciencia|science
biología|biology
química|chemistry
física|physics
historia|history
inglés|English
ingles|English
español|Spanish
espanol|Spanish
arte|art
música|music
educación física|gym class
tecnología|technology
programación|programming
código|code
robótica|robotics
ingeniería|engineering
enfermería|nursing
medicina|medicine
carrera|career
oficio|trade
profesión|profession
futuro|future
meta|goal
sueño|dream
oportunidad|opportunity
experiencia|experience
habilidad|skill
conocimiento|knowledge
consejo|advice
orientación|guidance
mentoría|mentoring
reunión|meeting
junta|meeting
cita|appointment
horario|schedule
calendario|calendar
fecha|date
plazo|deadline
deadline|deadline
# work & money
trabajo|work
empleo|job
chamba|job
chambita|little job
jale|job
camello|job
turno|shift
shift|shift
factoría|factory
factoria|factory
fábrica|factory
fabrica|factory
tienda|store
bodega|corner store
colmado|corner store
supermercado|supermarket
restaurante|restaurant
oficina|office
empresa|company
compañía|company
negocio|business
almacén|warehouse
obra|construction site
construcción|construction
!dinero|money
!plata|money
!lana|money
!feria|money
!chavos|money
chavo|cent
!cuartos|money
!pisto|money
!billete|money
!varos|money
varo|buck
!baro|money
!money|money
!cash|cash
!efectivo|cash
dólar|dollar
dólares|dollars
dolar|dollar
dolares|dollars
centavo|cent
pago|payment
sueldo|salary
salario|salary
cheque|paycheck
propina|tip
renta|rent
alquiler|rent
deuda|debt
cuenta|account
cuenta de banco|bank account
banco|bank
tarjeta|card
tarjeta de crédito|credit card
tarjeta de débito|debit card
factura|bill
bill|bill
impuesto|tax
taxes|taxes
beneficio|benefit
seguro|insurance
cupones|food stamps
estampillas|food stamps
food stamps|food stamps
wic|WIC
medicaid|Medicaid
ayuda|help
# home
casa|house
hogar|home
apartamento|apartment
apartamiento|apartment
apto|apartment
depa|apartment
departamento|apartment
edificio|building
proyectos|housing projects
cuarto|room
habitación|bedroom
recámara|bedroom
sala|living room
cocina|kitchen
puerta|door
ventana|window
llave|key
cama|bed
colchón|mattress
sofá|sofa
mueble|furniture
nevera|fridge
refri|fridge
refrigerador|fridge
estufa|stove
calefacción|heat
!calefacción|heat
agua|water
luz|electricity
gas|gas
!wifi|wifi
!internet|internet
desalojo|eviction
shelter|shelter
albergue|shelter
refugio|shelter
dueño del edificio|landlord
casero/a|landlord/landlady
landlord|landlord
super|super
vecindario|neighborhood
barrio|neighborhood
caserío|housing project
calle|street
esquina|corner
bloque|block
cuadra|block
parque|park
tren|train
subway|subway
metro|subway
autobús|bus
bus|bus
guagua|bus
camión|bus
carro|car
coche|car
máquina|car
taxi|taxi
uber|Uber
bicicleta|bicycle
bici|bike
estación|station
parada|stop
ciudad|city
pueblo|town
país|country
isla|island
Nueva York|New York
nueva york|New York
el Bronx|the Bronx
# food
!comida|food
cena|dinner
almuerzo|lunch
lonche|lunch
desayuno|breakfast
merienda|snack
snack|snack
pan|bread
arroz|rice
habichuela|bean
frijol|bean
carne|meat
pollo|chicken
pescado|fish
huevo|egg
leche|milk
queso|cheese
fruta|fruit
verdura|vegetable
papa|potato
plátano|plantain
mangú|mangu
pizza|pizza
hamburguesa|hamburger
taco|taco
dulce|candy
chuchería|snack
refresco|soda
soda|soda
jugo|juice
café|coffee
cerveza|beer
trago|drink
alcohol|alcohol
bebida|drink
# body & health
cuerpo|body
cabeza|head
cara|face
ojo|eye
boca|mouth
labio|lip
nariz|nose
oreja|ear
oído|ear
cuello|neck
hombro|shoulder
brazo|arm
muñeca|wrist
mano|hand
dedo|finger
pecho|chest
seno|breast
teta|tit
chichi|tit
espalda|back
estómago|stomach
estomago|stomach
panza|belly
barriga|belly
cintura|waist
cadera|hip
nalga|butt
culo|ass
trasero|butt
pierna|leg
muslo|thigh
rodilla|knee
pie|foot
piel|skin
pelo|hair
cabello|hair
diente|tooth
corazón|heart
cerebro|brain
sangre|blood
hueso|bone
partes privadas|private parts
partes íntimas|private parts
pene|penis
vagina|vagina
moretón|bruise
moretones|bruises
morado|bruise
cardenal|bruise
chichón|bump
golpe|hit
herida|wound
cortada|cut
cortadura|cut
corte|cut
cicatriz|scar
quemadura|burn
marca|mark
hinchazón|swelling
fractura|fracture
dolor|pain
dolor de cabeza|headache
fiebre|fever
gripe|flu
gripa|flu
catarro|cold
tos|cough
covid|COVID
virus|virus
enfermedad|illness
infección|infection
alergia|allergy
asma|asthma
diabetes|diabetes
cáncer|cancer
pastilla|pill
píldora|pill
medicina|medicine
medicamento|medication
receta|prescription
droga|drug
perico|cocaine
coca|cocaine
mota|weed
!marihuana|marijuana
hierba|weed
yerba|weed
weed|weed
porro|joint
blunt|blunt
vape|vape
vaper|vape
cigarro|cigarette
cigarrillo|cigarette
pasto|weed
pepa|pill
molly|molly
fentanilo|fentanyl
sobredosis|overdose
borrachera|drunkenness
peso|weight
caloría|calorie
dieta|diet
ayuno|fast
hambre|hunger
sed|thirst
sueño|sleep
insomnio|insomnia
pesadilla|nightmare
ansiedad|anxiety
depresión|depression
depre|depression
estrés|stress
estres|stress
trauma|trauma
ataque de pánico|panic attack
ataque de ansiedad|anxiety attack
crisis|crisis
terapia|therapy
tratamiento|treatment
consulta|consultation
clínica|clinic
hospital|hospital
emergencia|emergency
sala de emergencias|emergency room
ambulancia|ambulance
embarazo|pregnancy
aborto|abortion
condón|condom
condon|condom
regla|period
período|period
menstruación|period
sexo|sex
relación|relationship
relaciones|relationships
salud|health
salud mental|mental health
vida|life
muerte|death
suicidio|suicide
# feelings (nouns)
miedo|fear
susto|fright
pánico|panic
vergüenza|shame
culpa|guilt
tristeza|sadness
soledad|loneliness
alegría|happiness
felicidad|happiness
rabia|rage
coraje|anger
ira|anger
enojo|anger
celos|jealousy
envidia|envy
odio|hatred
amor|love
cariño|affection
confianza|trust
esperanza|hope
ganas|desire
!ganas|desire
ánimo|spirits
animo|spirits
fuerza|strength
paz|peace
problema|problem
lío|mess
pedo|problem
bronca|trouble
broncas|trouble
drama|drama
chisme|gossip
rumor|rumor
secreto|secret
mentira|lie
verdad|truth
pelea|fight
discusión|argument
bullying|bullying
acoso|harassment
abuso|abuse
maltrato|abuse
violencia|violence
amenaza|threat
peligro|danger
riesgo|risk
arma|weapon
pistola|gun
cuchillo|knife
navaja|knife
pandilla|gang
ganga|gang
gang|gang
banda|gang
cárcel|jail
prisión|prison
corte|court
caso|case
denuncia|police report
reporte|report
orden de protección|order of protection
# online life
mensaje|message
mensajito|little message
msj|message
dm|DM
DM|DM
md|DM
chat|chat
texto|text
text|text
foto|photo
fotito|photo
selfie|selfie
pic|pic
nude|nude
nudes|nudes
pack|nudes
video|video
vídeo|video
audio|voice message
nota de voz|voice note
cámara|camera
camara|camera
historia|story
story|story
estado|status
publicación|post
post|post
comentario|comment
like|like
seguidor/a|follower/follower
cuenta|account
perfil|profile
usuario|username
contraseña|password
clave|password
código|code
celular|cellphone
cel|cell
teléfono|phone
telefono|phone
móvil|phone
phone|phone
número|number
numero|number
correo|email
email|email
correo electrónico|email
dirección|address
direccion|address
link|link
enlace|link
grupo|group
grupito|group chat
canal|channel
servidor|server
server|server
llamada|call
videollamada|video call
facetime|FaceTime
zoom|Zoom
juego|game
videojuego|video game
app|app
aplicación|app
página|page
sitio|site
red social|social network
redes sociales|social media
redes|social media
insta|Instagram
instagram|Instagram
face|Facebook
tiktok|TikTok
snap|Snapchat
snapchat|Snapchat
whatsapp|WhatsApp
wasap|WhatsApp
whats|WhatsApp
discord|Discord
slack|Slack
youtube|YouTube
streamer|streamer
ubicación|location
ubicacion|location
captura|screenshot
captura de pantalla|screenshot
screenshot|screenshot
pantallazo|screenshot
# everyday things
ropa|clothes
camisa|shirt
pantalón|pants
zapato|shoe
tenis|sneakers
gorra|cap
regalo|gift
cosa|thing
coso|thing
!algo|something
lugar|place
sitio|place
parte|part
lado|side
vez|time
tiempo|time
hora|hour
minuto|minute
segundo|second
día|day
dia|day
noche|night
tarde|afternoon
semana|week
mes|month
año|year
ano|year
edad|age
cumpleaños|birthday
cumple|birthday
fiesta|party
party|party
junte|get-together
pari|party
jangueo|hanging out
plan|plan
viaje|trip
vacaciones|vacation
fin|end
principio|beginning
mundo|world
nombre|name
apellido|last name
palabra|word
idioma|language
pregunta|question
respuesta|answer
idea|idea
opinión|opinion
razón|reason
manera|way
forma|way
modo|way
tipo|type
ejemplo|example
cambio|change
ayuda|help
apoyo|support
favor|favor
gracia|grace
suerte|luck
dios|God
Dios|God
iglesia|church
perro/a|dog/dog
gato/a|cat/cat
mascota|pet
música|music
canción|song
película|movie
peli|movie
serie|series
show|show
deporte|sport
fútbol|soccer
futbol|soccer
básquet|basketball
basket|basketball
béisbol|baseball
pelota|ball
equipo|team
partido|game
"""

ADJECTIVES = r"""
triste|sad
feliz|happy
contento|happy
alegre|cheerful
solo|alone
cansado|tired
agotado|exhausted
asustado|scared
nervioso|nervous
ansioso|anxious
preocupado|worried
estresado|stressed
agobiado|overwhelmed
abrumado|overwhelmed
harto|fed up
enojado|angry
enfadado|angry
molesto|upset
encabronado|pissed off
emputado|pissed off
arrecho|angry
frustrado|frustrated
deprimido|depressed
desesperado|desperate
confundido|confused
perdido|lost
vacío|empty
roto|broken
herido|hurt
lastimado|hurt
golpeado|beaten
avergonzado|ashamed
apenado|embarrassed
culpable|guilty
inútil|useless
invisible|invisible
aburrido|bored
emocionado|excited
ilusionado|excited
orgulloso|proud
agradecido|grateful
tranquilo|calm
relajado|relaxed
seguro|safe
inseguro|insecure
celoso|jealous
enamorado|in love
ocupado|busy
libre|free
listo|ready
preparado|ready
enfermo|sick
sano|healthy
embarazado|pregnant
borracho|drunk
drogado|high
volado|high
arrebatado|high
jodido|screwed
fregado|screwed
amenazado|threatened
encerrado|locked up
castigado|grounded
expulsado|expelled
suspendido|suspended
despedido|fired
desempleado|unemployed
pobre|poor
rico|rich
bueno|good
malo|bad
mejor|better
peor|worse
grande|big
pequeño|small
chiquito|little
chico|small
largo|long
corto|short
alto|tall
bajo|short
gordo|fat
flaco|skinny
delgado|thin
gordito|chubby
feo|ugly
lindo|pretty
bonito|pretty
hermoso|beautiful
precioso|gorgeous
guapo|handsome
bello|beautiful
sexy|sexy
sensual|sensual
caliente|horny
cachondo|horny
bueno|good
buenote|hot
rico|delicious
maduro|mature
inmaduro|immature
especial|special
único|unique
diferente|different
inteligente|smart
listo|smart
brillante|brilliant
talentoso|talented
capaz|capable
fuerte|strong
débil|weak
valiente|brave
cobarde|coward
amable|kind
simpático|nice
antipático|unpleasant
cariñoso|affectionate
gracioso|funny
chistoso|funny
raro|weird
extraño|strange
loco|crazy
tonto|dumb
bobo|silly
estúpido|stupid
estupido|stupid
idiota|idiot
imbécil|imbecile
pendejo|asshole
mamón|jerk
mamon|jerk
cabrón|bastard
cabron|bastard
culero|asshole
pinche|fucking
maldito|damn
jodón|annoying
pesado|annoying
creído|stuck-up
falso|fake
mentiroso|liar
pervertido|pervert
cochino|dirty
asqueroso|disgusting
puto|fucking
puta|whore
zorra|slut
perra|bitch
golfa|slut
cuero|slut
maricón|faggot
maricon|faggot
marica|faggot
culeco|excited
mariposón|faggot
tortillera|dyke
marimacha|dyke
gay|gay
lesbiana|lesbian
trans|trans
negro|black
blanco|white
moreno|dark-skinned
prieto|dark-skinned
güero|blond
rubio|blond
latino|Latino
hispano|Hispanic
dominicano|Dominican
puertorriqueño|Puerto Rican
boricua|Puerto Rican
mexicano|Mexican
colombiano|Colombian
venezolano|Venezuelan
ecuatoriano|Ecuadorian
salvadoreño|Salvadoran
guatemalteco|Guatemalan
hondureño|Honduran
cubano|Cuban
peruano|Peruvian
americano|American
gringo|American
nuevo|new
viejo|old
joven|young
mayor|older
menor|younger
importante|important
difícil|difficult
dificil|difficult
fácil|easy
facil|easy
posible|possible
imposible|impossible
necesario|necessary
peligroso|dangerous
serio|serious
grave|serious
urgente|urgent
privado|private
personal|personal
público|public
secreto|secret
verdadero|true
real|real
cierto|true
claro|clear
correcto|correct
equivocado|wrong
justo|fair
injusto|unfair
normal|normal
raro|rare
lleno|full
vacío|empty
caro|expensive
barato|cheap
gratis|free
limpio|clean
sucio|dirty
mojado|wet
frío|cold
caliente|hot
cómodo|comfortable
incómodo|uncomfortable
rápido|fast
lento|slow
temprano|early
último|last
primero|first
propio|own
mismo|same
cualquiera|any
chévere|cool
chevere|cool
bacano|cool
chido|cool
padre|cool
padrísimo|very cool
jevi|cool
nítido|cool
nitido|cool
brutal|awesome
cool|cool
fino|nice
bravo|angry
cabreado|angry
arrecho|angry
chimbo|lame
charro|tacky
cursi|corny
fresa|preppy
naco|tacky
corriente|trashy
pelado|broke
quebrado|broke
limpio|broke
pelao|broke
tieso|broke
chiviado|scared
ahorcado|broke
"""

SLANG = r"""
vaina|thing
vainas|things
pana|buddy
panas|buddies
corillo|crew
el corillo|the crew
bregar|deal with
brega|struggle
janguear|hang out
jangueo|hanging out
chamba|job
chambear|work
chamaco|kid
chamaca|girl
chamacos|kids
morro|kid
morra|girl
morros|kids
morras|girls
chavo|kid
chava|girl
chavos|money
chavitos|money
güey|dude
guey|dude
wey|dude
we|dude
buey|dude
chido|cool
padre|cool
bacano|cool
parcero|buddy
parce|buddy
parcera|friend
parceros|buddies
llave|buddy
llavería|close friend
chévere|cool
jevi|cool
tiguere|street-smart guy
tíguere|street-smart guy
tigre|street-smart guy
tiguerazo|hustler
zafacón|trash can
zafacon|trash can
guagua|bus
chamo|kid
chama|girl
chamos|kids
arrecho|angry
boricua|Puerto Rican
dominicano|Dominican
dominicana|Dominican
jeva|girlfriend
jevo|boyfriend
jevas|girls
jevos|guys
tipo|guy
tipa|girl
man|guy
mijo|son
mija|honey
mi'jo|son
mi'ja|honey
m'ijo|son
m'ija|honey
chamaquito|little kid
pibe|kid
piba|girl
cipote|kid
cipota|girl
chele|light-skinned
bicho|dick
bicha|bitch
bichote|drug boss
chocha|pussy
toto|pussy
panocha|pussy
cuca|pussy
verga|dick
pinga|dick
pito|dick
polla|dick
huevos|balls
cojones|balls
chingadera|bullshit
chingada|fucking
chingón|awesome
chingona|awesome
chingado|fucked
mierda|shit
carajo|damn
joder|fuck
jodido|screwed
coño|damn
cojones|balls
pendejada|bullshit
pendejadas|bullshit
güevón|idiot
huevón|idiot
weón|dude
gonorrea|bastard
malparido|bastard
marico|dude
hijueputa|son of a bitch
hijoeputa|son of a bitch
jueputa|son of a bitch
berraco|tough
verraco|tough
chimba|awesome
qué chimba|how awesome
mamagüevo|cocksucker
mamaguevo|cocksucker
mamabicho|cocksucker
cabrona|badass
charlatán|liar
chisme|gossip
chismoso|gossip
chismosa|gossip
bochinche|gossip
bochinchero|gossip
bochinchera|gossip
jodienda|hassle
lío|trouble
tíguere|hustler
guillao|showing off
guillado|showing off
guillá|showing off
chavón|guy
jeepeta|SUV
colmado|corner store
bodega|corner store
bodeguero|store owner
pariguayo|loser
pariguaya|loser
vacano|cool
bacana|cool
chivo|cool
chiva|cool
cheque|ok
chivisimo|very cool
pisto|money
jalón|ride
aventón|ride
raite|ride
ride|ride
troca|truck
camioneta|truck
chamarra|jacket
chaqueta|jacket
lana|money
feria|money
chela|beer
chelas|beers
birra|beer
pisto|booze
pedo|drunk
peda|party
pedote|drunk
cruda|hangover
guayabo|hangover
resaca|hangover
cuate|buddy
cuates|buddies
carnal|brother
carnala|sister
carnales|brothers
compa|buddy
compas|buddies
bato|dude
vato|dude
morrito|little kid
escuincle|brat
mocoso|brat
chamaquito|little kid
nene|kid
nena|girl
nenes|kids
nenas|girls
gial|girl
mai|mom
pai|dad
ma'|mom
pa'|dad
tata|dad
viejos|parents
cucos|boogeymen
chota|police
jara|police
feka|fake
fake|fake
chiripa|odd job
chiripeo|odd job
picoteo|odd jobs
bisne|business
bisnes|business
negocito|hustle
tumbe|robbery
atraco|robbery
asalto|mugging
pillo|thief
ladrón|thief
ladrona|thief
ratero|thief
tecato|junkie
adicto|addict
adicta|addict
bichote|drug dealer
dealer|dealer
jíbaro|dealer
narco|drug dealer
sicario|hitman
cholo|gangster
chola|gangster
ganguero|gang member
pandillero|gang member
pandillera|gang member
marero|gang member
mara|gang
ms|MS-13
bloods|Bloods
crips|Crips
trigger|trigger
tiroteo|shooting
balacera|shootout
bala|bullet
tiro|shot
fierro|gun
cuete|gun
pistola|gun
pipa|gun
yeyo|cocaine
perico|cocaine
pasto|weed
krippy|weed
gas|weed
lean|lean
percocet|Percocet
percs|Percocets
xanax|Xanax
xans|Xanax
lokura|craziness
locura|craziness
bellaco|horny
bellaca|horny
bellaquera|horniness
bellaqueo|hooking up
perreo|twerking
perrear|twerk
culona|big-butt girl
nalgona|big-butt girl
tetona|big-boobed girl
buenota|hot
mamasota|hot woman
mamacita|hot girl
papasito|hot guy
papacito|hot guy
rica|hot
rico|hot
riquísima|very hot
sabrosa|hot
sabroso|hot
bichota|boss woman
diva|diva
pichón|dork
nerd|nerd
ñoño|nerd
ñoña|nerd
friki|geek
bichito|little bug
chinchorro|shack
chin|a little
chinchín|a little
un chin|a little
tato|ok
ta to|it is all good
ta bien|it is ok
tá bien|it is ok
tabien|it is ok
tamo activo|we are active
tamo ready|we are ready
activo|active
dique|supposedly
diqué|supposedly
diz que|supposedly
disque|supposedly
vamo|let us go
vamo a|let us
ahorita vengo|I will be right back
ahorita voy|I am coming right now
ahorita no|not right now
hace un rato|a while ago
heavy|intense
cuchi|cute
cute|cute
nice|nice
full|fully
cringe|cringe
random|random
crush|crush
date|date
ghostear|ghost
ghosteó|ghosted
ghosteo|ghosting
shippear|ship
funar|cancel
funa|callout
hater|hater
haters|haters
flow|style
mood|mood
vibe|vibe
vibra|vibe
vibras|vibes
bro|bro
sis|sis
bestie|best friend
besti|best friend
amix|friend
amiga|friend
manita|sis
mana|sis
manas|sisters
"""

INSULTS = r"""
puta|whore
putas|whores
puto|fucking
putos|faggots
pato|faggot
patos|faggots
pájaro|faggot
joto|faggot
jotos|faggots
maricón|faggot
maricones|faggots
marica|faggot
maricas|faggots
cuero|slut
cueros|sluts
zorra|slut
zorras|sluts
perra|bitch
perras|bitches
malparida|bitch
gorda|fat
fea|ugly
estúpida|stupid
pendeja|idiot
pendejo|idiot
pendejos|idiots
pendejas|idiots
mamón|jerk
mamona|bitch
cabrón|bastard
cabrona|bitch
culero|asshole
culera|bitch
"""

OVERRIDES = r"""
# everyday senses first (review of round 9): a slang sense must not turn ordinary chat into abuse,
# slurs, sex, weapons or drugs ("vimos patos en el parque", "mi perra se llama luna", "Ms. Ruiz")
pato|duck
patos|ducks
pájaro|bird
pájaros|birds
cuero|leather
cueros|leathers
perra|dog
perras|dogs
bicho|bug
bichos|bugs
bicha|bug
pito|whistle
cuca|cockroach
pasto|grass
hierba|grass
fierro|iron
pipa|pipe
cuete|firecracker
pack|pack
seno|chest
mami|mom
papi|dad
está buena|is good
está bueno|is good
qué rica|how delicious
qué rico|how delicious
sabrosa|delicious
sabroso|delicious
ms|Ms
we|we
la viola|the viola
el violín|the violin
toco la guitarra|I play the guitar
toco el piano|I play the piano
me pegó la gripa/me pegó la gripe/me dio gripa/me dio gripe|I caught the flu
# a verb followed by an infinitive (policies/encoder/gloss.py reads "KEY +inf" when the next word
# is an infinitive): "te quiero mandar el link" is "I want to send you the link", not "I love you"
te quiero +inf|I want to
quiero +inf|I want to
queremos +inf|we want to
me toca +inf|I have to
te toca +inf|you have to
le toca +inf|has to
nos toca +inf|we have to
les toca +inf|they have to
me tocó +inf|I had to
te tocó +inf|you had to
le tocó +inf|had to
# forms where two verbs collide: the sense given here wins
fue|was
fui|I went
fuiste|you went
fuimos|we went
fueron|they went
era|was
sé|I know
ve|go
vete|go away
váyase|go away
vino|came
di|I gave
dio|gave
ten|have
haz|do
sal|get out
ven|come
pon|put
vaya|go
iba|was going
dé|give
da|gives
siento|I feel
sientes|you feel
siente|feels
sentimos|we feel
sienten|they feel
sienta|feel
sientas|you feel
vuelvo|I come back
río|I laugh
cuento|I tell
cuenta|account
llamada|call
pago|payment
trabajo|work
baño|bathroom
miedo|fear
paso|step
pase|pass
vivo|I live
muerto|dead
muerta|dead
muertos|dead
herido|injured
yo como|I eat
tú comes|you eat
como mucho|I eat a lot
como poco|I eat little
casi no como|I barely eat
no puedo|I cannot
no puedes|you cannot
no puede|cannot
no podemos|we cannot
no pueden|they cannot
no pude|I could not
no pudo|could not
no podía|could not
no podría|could not
no sé qué hacer|I do not know what to do
no se que hacer|I do not know what to do
qué hago|what do I do
que hago|what do I do
qué hacer|what to do
estar|be
ser|be
"""


# ---------------------------------------------------------------------------
EN_PL_IRREG = {"man": "men", "woman": "women", "child": "children", "person": "people",
               "foot": "feet", "tooth": "teeth", "wife": "wives", "life": "lives",
               "knife": "knives", "thief": "thieves", "half": "halves", "leaf": "leaves",
               "mouse": "mice", "police officer": "police officers", "shelf": "shelves"}
EN_NOPL = set(["money", "homework", "advice", "police", "hair", "stuff", "english", "spanish", "math", "people", "cash", "weed", "cocaine", "heat", "electricity", "wifi", "internet", "food", "water", "milk", "rice", "bread", "meat", "chicken", "fish", "trash", "health", "luck", "guidance", "knowledge", "love", "hunger", "thirst", "fear", "shame", "guilt", "sadness", "anger", "hatred", "jealousy", "envy", "trust", "hope", "peace", "violence", "abuse", "harassment", "bullying", "drama", "gossip", "music", "art", "science", "biology", "chemistry", "physics", "history", "technology", "programming", "engineering", "nursing", "medicine", "resume", "tuition", "stress", "anxiety", "depression", "insomnia", "trauma", "therapy", "sex", "happiness", "loneliness", "rage", "affection", "strength", "spirits", "desire", "pain", "fever", "flu", "asthma", "diabetes", "cancer", "alcohol", "coffee", "juice", "soda", "beer", "cheese", "fruit", "candy", "mangu", "marijuana", "fentanyl", "molly", "social", "media", "clothes", "pants", "sneakers", "dinner", "lunch", "breakfast", "snack", "nudes", "parents", "twerking", "overtime", "gym", "class"])


def en_plural(en):
    if not en or en[0].isupper() or en in EN_NOPL:
        return en
    if en in EN_PL_IRREG:
        return EN_PL_IRREG[en]
    words = en.split(" ")
    last = words[-1]
    if last in EN_NOPL:
        return en
    if last in EN_PL_IRREG:
        last = EN_PL_IRREG[last]
    elif re.search(r"(s|x|z|ch|sh)$", last):
        last += "es"
    elif re.search(r"[^aeiou]y$", last):
        last = last[:-1] + "ies"
    else:
        last += "s"
    return " ".join(words[:-1] + [last])


def sp_plural_word(w):
    if not w:
        return w
    last = w[-1]
    if last in "aeiouáéó":
        return w + "s"
    if last in "íú":
        return w + "es"
    if last == "z":
        return w[:-1] + "ces"
    if last in "sx":
        k, ns = stressed_nucleus(w)
        if len(ns) > 1 and k != len(ns) - 1:
            return w                    # lunes, crisis, tenis
        return enclitic(w, "es")
    if last == "y":
        return w + "es"
    return enclitic(w, "es")


def sp_plural(phrase):
    ws = phrase.split(" ")
    if "de" in ws:
        i = ws.index("de")
        return " ".join([sp_plural_word(x) for x in ws[:i]] + ws[i:])
    return " ".join(sp_plural_word(x) for x in ws)


def sp_fem(w):
    if w.endswith("o"):
        return w[:-1] + "a"
    if w.endswith("ón"):
        return w[:-2] + "ona"
    if w.endswith("or"):
        return w + "a"
    if w.endswith("ín"):
        return w[:-2] + "ina"
    if w.endswith("és"):
        return w[:-2] + "esa"
    if w.endswith("ote"):
        return w[:-1] + "a"
    return w


def add_nouns(text, section):
    for line in text.strip("\n").split("\n"):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        es, en = line.split("|", 1)
        nopl = es.startswith("!")
        es = es.lstrip("!")
        if "/" in es:                    # gendered pair
            m, suf = es.split("/", 1)
            f = (sp_fem(m) if not m.endswith("e") else m[:-1] + "a") if suf == "a" else suf
            em, ef = (en.split("/", 1) + [en])[:2] if "/" in en else (en, en)
            add(m, em, section)
            add(f, ef, section)
            add(sp_plural(m), en_plural(em), section)
            add(sp_plural(f), en_plural(ef), section)
        else:
            add(es, en, section)
            if not nopl:
                add(sp_plural(es), en_plural(en), section)


def add_adjectives(text, section):
    for line in text.strip("\n").split("\n"):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        es, en = line.split("|", 1)
        f = sp_fem(es)
        for form in (es, f, sp_plural(es), sp_plural(f)):
            add(form, en, section)


# verbs whose object-pronoun phrases we spell out ('me pega' -> 'hits me')
OBJ_VERBS = {
    "pegar": "hit", "golpear": "beat", "tocar": "touch", "amenazar": "threaten",
    "seguir": "follow", "encerrar": "lock up", "obligar": "force", "castigar": "punish",
    "gritar": "yell at", "insultar": "insult", "molestar": "bother", "acosar": "harass",
    "llamar": "call", "escribir": "write to", "mandar": "send", "decir": "tell",
    "pedir": "ask", "dar": "give", "mirar": "look at", "buscar": "look for",
    "ayudar": "help", "querer": "love", "odiar": "hate", "matar": "kill",
    "quitar": "take from", "echar": "throw out", "botar": "kick out",
    "violar": "rape", "besar": "kiss", "abrazar": "hug", "grabar": "record",
    "chantajear": "blackmail", "ignorar": "ignore", "bloquear": "block", "amar": "love",
    "extrañar": "miss", "necesitar": "need", "ver": "see",
    "esperar": "wait for", "cuidar": "take care of",
    "creer": "believe", "entender": "understand", "escuchar": "listen to",
    "lastimar": "hurt", "empujar": "push", "agarrar": "grab",
    "maltratar": "mistreat", "humillar": "humiliate", "culpar": "blame",
    "vigilar": "watch", "contar": "tell",
    "llevar": "take", "dejar": "leave",
    "robar": "rob",
    "manosear": "grope", "cachetear": "slap",
    "patear": "kick", "drogar": "drug",
    "presionar": "pressure",
    "textear": "text", "contestar": "answer",
    "preguntar": "ask",
    "hablar": "talk to",
}


def compound_kwargs(prefix, base_kw):
    kw = {}
    for k, v in base_kw.items():
        if k in ("yo", "pret", "fut", "part", "subj", "ger"):
            kw[k] = prefix + v
        elif k == "imp":
            if v == "di":
                kw[k] = prefix + "dice"
            elif v.endswith("n") and len(nuclei(v)) == 1:
                kw[k] = put_accent(prefix + v, *nuclei(prefix + v)[-1])
            else:
                kw[k] = prefix + v
        elif k == "over":
            kw[k] = {t: [prefix + x for x in forms] for t, forms in v.items()}
        else:
            kw[k] = v
    return kw


def parse_regular():
    out = []
    seen = set()
    for item in REGULAR.replace("\n", " ").split(";"):
        item = item.strip()
        if not item:
            continue
        inf, en = item.split(":", 1)
        inf, en = inf.strip(), en.strip()
        if inf in seen:
            continue
        seen.add(inf)
        out.append((inf, en))
    return out


def main():
    add_block(OVERRIDES, "override")
    add_block(FUNCTION_WORDS, "function")
    add_block(PHRASES, "phrase")
    add_block(INSULTS, "insult")
    add_nouns(NOUNS, "noun")
    add_adjectives(ADJECTIVES, "adjective")
    add_block(SLANG, "slang")

    # ---- collect all verbs: (inf, english, conjugation dict)
    verbs = []
    verbs.append(("ser", "be", SER))
    verbs.append(("estar", "be", ESTAR))
    verbs.append(("ir", "go", IR))
    verbs.append(("haber", "have", HABER))
    verbs.append(("dar", "give", DAR))
    verbs.append(("ver", "see", VER))
    verbs.append(("oír", "hear", OIR))
    verbs.append(("reír", "laugh", REIR))
    verbs.append(("sonreír", "smile", SONREIR))
    verbs.append(("freír", "fry", FREIR))
    irreg_kw = {}
    for inf, en, kw in IRREG:
        irreg_kw[inf] = kw
        verbs.append((inf, en, conjugate(inf, **kw)))
    for prefix, base, en in COMPOUNDS:
        if base not in irreg_kw:
            continue
        inf = prefix + base
        verbs.append((inf, en, conjugate(inf, **compound_kwargs(prefix, irreg_kw[base]))))
    known = {v[0] for v in verbs}
    for inf, en in parse_regular():
        if inf in known:
            continue
        known.add(inf)
        verbs.append((inf, en, conjugate(inf, **REGULAR_FLAGS.get(inf, {}))))
    for inf in REGULAR_FLAGS:
        if inf not in known and inf in ("bendecir", "maldecir", "confundir", "atrasar"):
            en = {"bendecir": "bless", "maldecir": "curse", "confundir": "confuse",
                  "atrasar": "delay"}[inf]
            known.add(inf)
            verbs.append((inf, en, conjugate(inf, **REGULAR_FLAGS[inf])))
    vmap = {v[0]: v for v in verbs}

    # ---- special haber glosses
    for es, en in [("he", "I have"), ("has", "you have"), ("ha", "has"), ("hemos", "we have"),
                   ("han", "they have"), ("hay", "there is"), ("haya", "there is"),
                   ("hubiera", "would have"), ("habría", "would have"), ("habrá", "there will be")]:
        add(es, en, "verb-haber")

    # ---- phrase-level verb entries first (they do not collide with single words)
    # tener que / ir a
    T = vmap["tener"][2]
    have_to = en_tense_forms("have to", "tener")
    for t in TENSE_ORDER:
        for p in range(5):
            add(T[t][p] + " que", have_to[t][p], "verb-phrase")
    I_ = vmap["ir"][2]
    going = {"pres": ["I am going to", "you are going to", "is going to", "we are going to", "they are going to"],
             "impf": ["I was going to", "you were going to", "was going to", "we were going to", "they were going to"],
             "pret": ["I went to", "you went to", "went to", "we went to", "they went to"],
             "fut": ["I will go to", "you will go to", "will go to", "we will go to", "they will go to"],
             "cond": ["would go to", "you would go to", "would go to", "we would go to", "they would go to"],
             "subj": ["go to", "you go to", "go to", "let us go to", "they go to"],
             "isubj": ["were going to", "you were going to", "were going to", "we were going to", "they were going to"]}
    for t, forms in going.items():
        for p in range(5):
            add(I_[t][p] + " a", forms[p], "verb-phrase")
    # tú / él without accents + verb (texting: 'tu eres', 'el dijo')
    for inf in ["ser", "estar", "tener", "poder", "querer", "saber", "ir", "hacer", "decir",
                "ver", "dar", "venir", "salir", "conocer", "pensar", "sentir", "creer",
                "entender", "necesitar", "hablar", "trabajar", "vivir", "estudiar", "deber",
                "gustar", "mandar", "llamar", "escribir", "pegar", "tocar"]:
        if inf not in vmap:
            continue
        _, en, F = vmap[inf]
        E = en_tense_forms(en, inf)
        for t in ("pres", "pret", "impf", "fut", "cond"):
            add("tu " + F[t][1], E[t][1], "verb-phrase")
            g = E[t][2]
            add("el " + F[t][2], ("he " + g) if not g.startswith(("I ", "you ", "we ", "they ")) else g, "verb-phrase")
            add("ella " + F[t][2], ("she " + g) if not g.startswith(("I ", "you ", "we ", "they ")) else g, "verb-phrase")
    # no + poder
    P = vmap["poder"][2]
    for t, neg in [("pres", ["I cannot", "you cannot", "cannot", "we cannot", "they cannot"]),
                   ("pret", ["I could not", "you could not", "could not", "we could not", "they could not"]),
                   ("impf", ["I could not", "you could not", "could not", "we could not", "they could not"]),
                   ("cond", ["could not", "you could not", "could not", "we could not", "they could not"]),
                   ("fut", ["I will not be able", "you will not be able", "will not be able", "we will not be able", "they will not be able"])]:
        for p in range(5):
            add("no " + P[t][p], neg[p], "verb-phrase")

    # pronominal phrases: me siento, se fue, nos quedamos ...
    for inf, pen in PRONOMINAL.items():
        if inf in vmap:
            add_pronominal_phrases(vmap[inf][2], pen, "verb-pronominal")
    # object pronoun phrases: me pega, te pego, lo odio
    for inf, en in OBJ_VERBS.items():
        if inf in vmap:
            add_object_phrases(vmap[inf][2], en, "verb-object")

    # ---- single-word conjugations: irregular first, then regular
    for inf, en, F in verbs:
        add_verb(F, en, "verb")
    for inf, en, F in verbs:
        add_enclitics(F, en, "verb-enclitic")
    # reflexive infinitives such as irse, quedarse handled in add_enclitics;
    # a few special ones
    for es, en in [("irse", "leave"), ("irme", "leave"), ("irte", "leave"), ("irnos", "leave"),
                   ("vámonos", "let us go"), ("vamonos", "let us go"), ("váyanse", "go away"),
                   ("quedémonos", "let us stay"), ("sentémonos", "let us sit down"),
                   ("hagámoslo", "let us do it"), ("digámosle", "let us tell him"),
                   ("matarme", "kill myself"), ("suicidarme", "kill myself"),
                   ("cortarme", "cut myself"), ("morirme", "die"), ("desaparecerme", "disappear")]:
        add(es, en, "verb-special")

    # ---- write
    with open(OUT, "w", encoding="utf-8") as fh:
        fh.write("# Spanish -> English gloss lexicon for mentorbot's sentence encoder (policies/encoder/gloss.py)\n")
        fh.write("# generated by policies/data/build_gloss_es_en.py: edit that, rerun it, retrain the heads\n")
        fh.write("# format: spanish<TAB>english ; longest phrase match first; first sense listed wins\n")
        cur = None
        for es, en, sec in ENTRIES:
            if sec != cur:
                fh.write(f"# --- {sec}\n")
                cur = sec
            fh.write(f"{es}\t{en}\n")
    print("wrote", OUT, len(ENTRIES), "entries")


if __name__ == "__main__":
    main()
