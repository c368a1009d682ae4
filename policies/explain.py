"""Words for people: the coordinator's note for each hit and the plain-language policy."""

from __future__ import annotations

from policies.config import BAND_OFF, PolicyConfig
from policies.encoder.spec import HEAD_THRESHOLDS, STUDENT_ALERT_HEADS, backs_at, corroborate_at

# What each rule looks for, in a coordinator's words (also used by `policy show`).
RULE_TEXT: dict[str, str] = {
    "contact.phone": "phone numbers, shared or asked for (any format, spelled out or split up)",
    "contact.email": "e-mail addresses, shared or asked for (including 'name at gmail dot com')",
    "contact.social": "social media and messaging accounts (Instagram, Snapchat, TikTok, "
                      "WhatsApp, Telegram, Signal, Kik, Facebook, Discord usernames…)",
    "contact.address": "home and street addresses, or asking where someone lives",
    "contact.link": "links to personal profiles and invitations to private chats or calls",
    "offplatform.meet": "arranging to meet outside approved program activities",
    "offplatform.ride": "offering or asking for rides",
    "offplatform.home": "visits to someone's home",
    "offplatform.private": "private calls, video chats, texts and direct messages",
    "offplatform.move": "moving the conversation to another app or out of the channel",
    "offplatform.secrecy": "secrecy ('don't tell your teacher', 'our secret', 'delete these')",
    "offplatform.gift": "gifts and money",
    "offplatform.photo": "asking for photos or selfies",
    "offplatform.parents": "asking whether parents are home or the student is alone",
    "offplatform.personal": "unprofessional personal attention (compliments on looks, "
                            "'mature for your age', dating questions)",
    "language.profanity": "profanity (better-profanity's word list, with evasions caught)",
    "language.harassment": "insults and harassment",
    "language.threat": "threats of violence",
    "concern.selfharm": "disclosures of self-harm or suicidal thoughts",
    "concern.abuse": "disclosures of abuse",
    "concern.neglect": "disclosures of neglect (no food, left alone, no heat…)",
    "concern.exploitation": "disclosures of exploitation (pressure to send photos, "
                            "paid by adults, sextortion)",
    "concern.homeless": "disclosures of homelessness or eviction",
    "concern.someone_else": "somebody else's suicide attempt or self-harm, told by a student",
    "concern.reported": "a student's disclosure passed on by a mentor ('she told me…')",
    "concern.goodbye_hint": "a thank-you or a giving-away that sounds final (a hint of goodbye)",
    "links.domain": "links to sites that are not on the program's allow-list",
    "links.personal_share": "links to someone's own or personal file share (my Drive, WeTransfer…)",
    "files.attachment": "attachments (files and images)",
    "time.quiet_hours": "messages sent during quiet hours",
    "volume.flood": "floods of messages",
}

_ACTION_TEXT = {"allow": "delivered", "hold": "held for a coordinator", "block": "blocked"}


def reason_for(rule: str, role: str, matched: str) -> str:
    """The precise note for the coordinator: which rule, who sent it, what matched."""
    shown = matched if len(matched) <= 120 else matched[:117] + "…"
    what = RULE_TEXT.get(rule, rule)
    return f"{what[:1].upper()}{what[1:]} — sent by the {role}: “{shown}”"


def describe(cfg: PolicyConfig, thresholds: dict[str, dict[str, float]] | None = None,
             runtime: str = "") -> str:
    """The effective policy as a short plain-language report (``thresholds``: the encoder's;
    ``runtime``: how its layers run, e.g. "onnxruntime, 2 threads")."""
    lines = [f"Policy from {cfg.source}", ""]
    group = ""
    for rid, st in cfg.rules.items():
        g = rid.split(".")[0]
        if g != group:
            group = g
            lines.append(f"{g.upper()}")
        if not st.on:
            lines.append(f"  - {RULE_TEXT.get(rid, rid)}: OFF ({rid})")
            continue
        roles = []
        # safeguarding concepts read students' messages only, and a concern always alerts
        for role in ("student",) if g == "concern" else ("student", "mentor"):
            act, alert = st.for_role(role)
            roles.append(f"from a {role}: {_ACTION_TEXT[act.value]}"
                         + (", coordinator alerted" if alert or g == "concern" else ""))
        lines.append(f"  - {RULE_TEXT.get(rid, rid)} ({rid})")
        lines.append(f"      {'; '.join(roles)}")
        if st.action.value != "allow" or any(a.value != "allow" for a, _ in st.by_role.values()):
            lines.append(f"      sender is told: \"{st.notice}\"")
        else:
            lines.append("      sender is told nothing (the message is delivered)")
    lines.append("")
    doms = ", ".join(cfg.allowed_domains) or "none"
    lines.append(f"Links allowed without review: {doms}")
    listed = ", ".join(sorted(cfg.allowed_contacts)) or "none"
    lines.append(f"The program's own lines and mailboxes (delivered, no alert): {listed}")
    lines.append("Attachments: " + ("allowed" if cfg.attachments_allowed
                                    else "held for a coordinator to review"))
    if cfg.quiet_enabled:
        tz = cfg.quiet_timezone or "the program's timezone"
        lines.append(f"Quiet hours: {cfg.quiet_start:%H:%M} to {cfg.quiet_end:%H:%M} ({tz}); "
                     "messages are held until the end of quiet hours")
    else:
        lines.append("Quiet hours: off")
    lines.append(f"Flood: more than {cfg.flood_max} messages in {cfg.flood_window_s} seconds "
                 "from one sender are held")
    if cfg.block_words:
        lines.append("Extra blocked words: " + ", ".join(cfg.block_words))
    if cfg.allow_words:
        lines.append("Extra allowed words: " + ", ".join(cfg.allow_words))
    lines += _describe_encoder(cfg, thresholds, runtime)
    lines.append("Safeguarding concerns are never blocked: the coordinator is alerted at once, "
                 "and a held one gets the sender a kind notice.")
    return "\n".join(lines)


# What each band of a head does with the message (``policy show``).
_BAND_TEXT = {
    "hold": "held for review",
    "alert": "delivered, the coordinator alerted at once, nothing shown to the student",
    "flag": "delivered, flagged for the coordinator's later look",
}
_JUDGES = {"grooming": "mentors' messages", "concern": "students' messages"}


def _band_lines(head: str, th: dict[str, float]) -> list[str]:
    """One line per band of a head: where it starts and what it does."""
    out = []
    for band in ("hold", "alert", "flag"):
        if band not in th:
            continue
        v, what = th[band], _BAND_TEXT[band]
        if band == "alert" and head in STUDENT_ALERT_HEADS:
            what += " (students' messages only)"
        if v == BAND_OFF:
            out.append(f"      {band} band: OFF (switched off by the program file)")
        elif v > 1:  # never reached: training found no threshold within the ordinary budget
            out.append(f"      {band} band: never (no threshold fits the ordinary-chat budget)")
        else:
            upto = f" to {th['hold']:.4g}" if band != "hold" and th.get("hold", 2) <= 1 else ""
            out.append(f"      {band} band from {v:.4g}{upto}: {what}")
    if head == "concern" and th.get("alert", 2) <= 1 and "corroborate" in th:
        out.append(f"      the rules' disclosure words are held from {corroborate_at(th):.4g} (below it they "
                   f"alert, delivered)")
    if "backs" in HEAD_THRESHOLDS.get(head, ()):
        out.append(f"      backs a mentor's message stopped by one soft reading of the rules from "
                   f"{backs_at(th):.4g} (below it on every matching head: delivered, flagged)")
    return out


def _describe_encoder(cfg: PolicyConfig, thresholds: dict[str, dict[str, float]] | None,
                      runtime: str = "") -> list[str]:
    if not cfg.encoder_on:
        return ["Sentence encoder: off (the rules alone decide)"]
    out = ["Sentence encoder: on, after the rules; it holds for review and never blocks"
           + (f" (runs on {runtime})" if runtime else "")]
    for head, th in (thresholds or cfg.encoder_thresholds).items():
        if th.get("on", 1.0) < 0.5:
            out.append(f"  - encoder.{head}: off")
            continue
        judges = _JUDGES.get(head, "both senders' messages")
        out.append(f"  - encoder.{head} (judges {judges}):")
        out += _band_lines(head, th)
    conv = cfg.conversation
    if conv.get("on", 1.0):
        out.append(f"Conversation score: a pattern alert at {conv.get('alert_at', 1.5):g} from at least "
                   f"{int(conv.get('min_messages', 3))} messages in {conv.get('window_days', 28):g} days "
                   f"(signals halve every {conv.get('half_life_days', 7):g} days)")
    else:
        out.append("Conversation score: off")
    return out
