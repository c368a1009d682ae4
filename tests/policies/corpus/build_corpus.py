# ruff: noqa: E501  (message data reads better unwrapped)
"""Builds tests/policies/corpus/corpus.jsonl: labelled mentor-student messages (seeded, so the
file is reproducible). Run: .venv/bin/python tests/policies/corpus/build_corpus.py

Hand-written phrasings for each category, filled with Faker numbers, e-mails, addresses and
handles, and with evasions applied to some violations. heldout.jsonl is written by hand and
is not generated here (it is kept apart to check that the rules generalise).
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from faker import Faker

SEED = 20260314
fake = Faker("en_US")
Faker.seed(SEED)
rnd = random.Random(SEED)
OUT = Path(__file__).with_name("corpus.jsonl")

COMPANIES = ["IBM", "Verizon", "Con Edison", "GlobalFoundries", "Northwell Health", "JPMorgan",
             "Google", "Cisco", "the MTA", "NYC Health + Hospitals", "Accenture", "Pfizer"]
EVENTS = ["the career fair", "the job shadow day", "the site visit", "the hackathon",
          "the mock interview day", "the info session", "orientation", "the spring showcase",
          "the company visit", "the mentoring event", "graduation"]
SUBJECTS = ["AP Bio", "geometry", "networking", "Python", "chemistry", "ELA", "US History",
            "cybersecurity", "CAD", "statistics", "Spanish", "physics", "web design"]


def pick(xs):
    return rnd.choice(xs)


def ordinary() -> list[tuple[str, str]]:
    """Ordinary mentoring chat with numbers, dates, rooms, grades, companies and events."""
    out = []
    for _ in range(130):
        n = rnd.randint(60, 100)
        room = rnd.randint(100, 499)
        t = f"{rnd.randint(1, 12)}:{rnd.choice(['00', '15', '30', '45'])}{rnd.choice(['pm', 'am', ' pm', ''])}"
        date = f"{rnd.randint(1, 12)}/{rnd.randint(1, 28)}/{rnd.choice([2025, 2026, 2027])}"
        year = rnd.randint(1998, 2030)
        price = f"${rnd.randint(1, 120)},{rnd.randint(100, 999)}"
        s = pick([
            f"I got a {n} on the {pick(SUBJECTS)} test!",
            f"we're in room {room} for {pick(SUBJECTS)} period {rnd.randint(1, 9)}",
            f"The info session starts at {t} in room {room}",
            f"my {pick(SUBJECTS)} project is due {date}",
            f"I started at {pick(COMPANIES)} in {year} as an intern",
            f"entry level jobs there pay around {price} a year",
            f"Let's meet at {pick(EVENTS)} — I'll be at the {pick(COMPANIES)} table",
            f"see you at {pick(EVENTS)} on {fake.day_of_week()}!",
            f"my mom said I can go to {pick(EVENTS)}",
            f"I'll tell my teacher about {pick(EVENTS)} tomorrow",
            f"what do people at {pick(COMPANIES)} do all day?",
            f"I scored {rnd.randint(1000, 1600)} on the SAT practice test",
            f"our team won {rnd.randint(20, 60)} to {rnd.randint(10, 40)} last night",
            f"the bus to {pick(EVENTS)} leaves at {t} from the front entrance",
            f"I have {rnd.randint(2, 6)} assignments due this week and a quiz on {fake.day_of_week()}",
            f"in {year} I switched from help desk to network engineering",
            f"Class of {rnd.randint(2026, 2031)} represent!",
            f"the library on the {pick(['2nd', '3rd', '4th'])} floor is open until {t}",
            f"my GPA went from {rnd.randint(2, 3)}.{rnd.randint(0, 9)} to {rnd.randint(3, 4)}.{rnd.randint(0, 9)}",
            f"@{fake.first_name().lower()} thanks for the tips today!",
            f"<@{rnd.randint(10**17, 10**18 - 1)}> great question about {pick(SUBJECTS)}",
            f"<@U{rnd.randint(10**7, 10**8 - 1)}> the slides are posted in <#C{rnd.randint(10**7, 10**8 - 1)}>",
            f"Read this: https://en.wikipedia.org/wiki/{fake.word().capitalize()}",
            "Check the listing on https://www.bls.gov/ooh/computer-and-information-technology/",
            f"I scheduled the mock interview for {date} at {t}",
            f"I'm in grade {rnd.randint(9, 12)} and I want to study {pick(SUBJECTS)} in college",
            f"{pick(COMPANIES)} has about {rnd.randint(2, 300)},000 employees worldwide",
            f"order {rnd.randint(1000, 9999)} shipped on {date}",
            f"My zip is in the Bronx, the school is on {fake.street_name()}",
            f"the Chromebook costs ${rnd.randint(150, 400)}.{rnd.randint(10, 99)}",
        ])
        out.append((s, pick(["student", "mentor"])))
    fixed = [
        "classic rock is my favorite", "the assessment was easier than I thought",
        "I sat in a real cockpit on the airport tour!", "my cousin lives in Sussex, England",
        "we cooked shiitake mushrooms in culinary", "my sister wants to be a therapist",
        "Scunthorpe United is an English football club", "Dick Van Dyke is in Mary Poppins",
        "I want to pass the Cisco exam", "the class assessment is Tuesday",
        "I'll tell my teacher I'm going to the job shadow", "we had a cocktail party for the seniors? no, a mocktail party lol",
        "I'm good, how are you?", "thanks for helping me with the essay",
        "that makes sense, thank you!", "haha yes", "ok see you next week here",
        "I have to go to my brother's game at 6", "Can you review my cover letter?",
        "what's your favorite part of your job?", "what's your job title?",
        "what's your advice for interviews?", "what's your team like?",
        "do you have any tips for the SAT?", "I got into the summer bridge program!!",
        "the hackathon theme is climate tech", "I watched Hell's Kitchen with my family",
        "we analyzed the Moby Dick excerpt in ELA", "magna cum laude is what I'm aiming for",
        "homo sapiens evolved in Africa - we learned it in bio", "the nurse talked about breast cancer awareness",
        "Oh my god, I'm so excited for the site visit", "my internship is at Con Edison this summer",
        "how many hours a week do you work?", "I have a dentist appointment at 3:30 so I'll be late",
        "Can I send you my project through the program drive?", "I'll upload the file to Google Classroom",
        "We need to meet the deadline by Friday", "nice to meet you!", "I'm meeting my study group in the library",
        "our team meets every Tuesday at 4", "I can't wait for the site visit to Verizon",
        "Period 3 is lunch for me", "my number one goal is getting an internship",
        "what's the number one skill employers want?", "my lucky number is 7",
        "I told my mom about the program and she's happy", "my parents are proud of my grades",
        "are your parents engineers too?", "did your parents go to college?",
        "I'm home sick today so I'll reply slow", "I'm at home doing homework",
        "my dad drove me to the job shadow", "my mom will give me a ride to the career fair",
        "it's a secret recipe, my grandma won't share it lol", "the secret to a good resume is numbers",
        "I need a break, this homework is killing me", "I'm dead tired lol",
        "the game was sick", "this quiz is going to kill me lol",
        "I'll call my counselor tomorrow", "My friend texted me the homework",
        "they give us free lunch on Fridays", "I'm reading a book on the Nazi era for history",
        "we learned about the slave trade in US history", "we studied the organ systems in bio",
        "I have an oral presentation in Spanish", "the pawn shop scene in the movie was funny",
        "we used a screw gun in the makerspace", "the guy in the video had a stroke of genius",
        "I'm so stupid, I forgot my charger", "my little brother is a weirdo lol",
        "you're a lifesaver, thank you", "you're the best mentor!", "you're right, I should apply",
        "The Virgin Islands are on my bucket list", "I'm reading about the history of the KKK for a paper",
        "our school is at 240 Convent Ave but the event is at IBM", "PS 123 is where I went to elementary",
        "I'll see you at 5 Times Square for the site visit", "we'll talk again on Thursday in this channel",
        "Can we continue this next week on here?", "I'd like to learn more about cloud computing",
        "my cousin works at Twitter, well X now", "I saw a cool TikTok about coding",
        "I use Discord for the robotics team", "Is LinkedIn important for getting internships?",
        "I made a LinkedIn profile like you suggested", "We post updates on the school Instagram",
        "Our coordinator Ms. Patel will email the permission forms", "please email the coordinator with questions",
        "the career center phone line is on the school website", "call the main office if you're running late",
        "my phone died so I'm on the school laptop", "I got a new phone for my birthday",
        "my grandma gave me a gift card for my birthday", "I bought a gift for my teacher",
        "I'm gonna pick up my sister after school", "the subway ride home takes an hour",
        "I live in Queens, about 40 minutes from school", "where do you work?", "where did you go to college?",
        "where do you see yourself in 5 years? that's a question I got asked", "what time is the session on Friday?",
        "the fire drill was at 10:45", "we got 3 inches of snow", "I run 5 miles on Saturdays",
        "the school's address is on the permission slip", "our class did a fundraiser for the homeless shelter",
        "we volunteered at a food pantry on Saturday", "I want to work in mental health someday",
        "we learned about suicide prevention in health class", "my grandpa had a heart attack but he's ok now",
        "the movie had a scene where the hero is beaten up", "I hurt my ankle at practice",
        "I cut my hair yesterday!", "I'm so hungry, lunch is in 10 minutes",
        "I didn't eat breakfast, I was running late", "I have no idea where to start with this essay",
        "there's no place like home haha", "our wifi got shut off during the storm but it's back",
    ]
    out += [(s, pick(["student", "mentor"])) for s in fixed]
    return out


def phone() -> str:
    digits = f"{rnd.randint(2, 9)}{rnd.randint(0, 9)}{rnd.randint(0, 9)}{rnd.randint(200, 999)}{rnd.randint(1000, 9999)}"
    a, b, c = digits[:3], digits[3:6], digits[6:]
    words = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
    style = rnd.randint(0, 9)
    if style == 0:
        return fake.phone_number()
    if style == 1:
        return f"({a}) {b}-{c}"
    if style == 2:
        return f"{a}.{b}.{c}"
    if style == 3:
        return f"+1 {a} {b} {c}"
    if style == 4:
        return " ".join(words[int(d)] for d in digits)
    if style == 5:
        return (f"{a}-{b}-{c}").replace("0", "O")
    if style == 6:
        return " ".join(digits)
    if style == 7:
        return f"{a} then {b} then {c}"
    if style == 8:
        return f"1-{a}-{b}-{c}"
    return f"{a}{b}{c}"


def contact() -> list[tuple[str, str]]:
    out = []
    for _ in range(60):
        ph = phone()
        out.append((pick([
            f"my number is {ph}", f"text me at {ph}", f"call me {ph}", f"here's my cell {ph}",
            f"{ph} is my number, hit me up", f"my new phone # is {ph}", f"reach me at {ph} after 5",
            f"it's {ph} if you need me", f"save my number {ph}",
        ]), pick(["student", "mentor"])))
    for _ in range(30):
        user = fake.user_name()
        dom = pick(["gmail", "yahoo", "hotmail", "outlook", "icloud"])
        em = pick([fake.free_email(), fake.email(), f"{user} at {dom} dot com",
                   f"{user} [at] {dom} [dot] com", f"{user}(at){dom}.com",
                   " ".join(f"{user}@{dom}.com"), f"{user} @ {dom} . com"])
        out.append((pick([f"my email is {em}", f"email me at {em}", f"{em} is my personal email",
                          f"send it to {em}", f"here's my email: {em}"]), pick(["student", "mentor"])))
    for _ in range(25):
        h = fake.user_name()
        out.append((pick([
            f"add me on snap {h}", f"my insta is @{h}", f"follow me on tiktok @{h}",
            "whats ur snap", "what's your instagram?", "do you have snapchat?",
            f"my discord is {h}#{rnd.randint(1000, 9999)}", "hmu on whatsapp",
            f"ig: @{h}", f"add me on facebook, {fake.name()}", f"message me on telegram @{h}",
            "are you on kik?", f"my signal is {h}", "what's your discord username?",
            f"find me on twitch: {h}", "what's ur snap name so i can add u",
        ]), pick(["student", "mentor"])))
    for _ in range(25):
        addr = fake.street_address()
        out.append((pick([
            f"I live at {addr}", f"my address is {addr}", f"come to {addr}",
            f"my house is {addr}, {fake.city()}", f"it's {addr} if you wanna send it",
            "what's your address?", "where do you live?", "where do u live exactly",
            "what street do you live on?", "send me your home address",
        ]), pick(["student", "mentor"])))
    for _ in range(20):
        out.append((pick([
            "what's your number?", "can I get your number", "send me your cell",
            "what's ur phone number", "give me your digits", "can i have your phone number?",
            "what's your email?", "can you send me your personal email",
            "drop your number", "we should exchange numbers",
        ]), pick(["student", "mentor"])))
    return out


def offplatform() -> list[tuple[str, str]]:
    ms = [
        "let's meet up this weekend", "we should grab coffee sometime", "wanna hang out after school?",
        "can we meet at starbucks on saturday", "let's get lunch, my treat", "I'll take you out to dinner",
        "want to meet in person?", "we could go to the mall together", "let's link up friday",
        "I can pick you up at 7", "do you need a ride home?", "I'll drive you to the game",
        "get in my car after school", "I can give you a lift home", "can you pick me up?",
        "come over to my house this weekend", "you can come over after school", "I'll stop by your house",
        "can I visit your house?", "what if I came to your place", "sleepover at my place?",
        "can I call you tonight?", "let's facetime later", "text me later", "call me tonight",
        "DM me", "message me privately", "we should video chat tonight", "let's talk on the phone",
        "I'll text you later", "facetime me when you're free", "can we do a private zoom call",
        "let's move this to snapchat", "we can talk on whatsapp instead", "let's switch to discord dms",
        "this chat is weird, let's go to instagram", "talk to me on telegram instead",
        "let's continue this somewhere else", "move this convo to imessage", "somewhere the teacher can't see",
        "let's take this offline", "it's easier to talk on snap", "slide in my dms",
    ]
    return [(s, pick(["student", "mentor"])) for s in ms] + [
        (s.upper() if rnd.random() < 0.2 else s.replace("you", "u"), pick(["student", "mentor"]))
        for s in rnd.sample(ms, 25)
    ]


def grooming() -> list[tuple[str, str]]:
    ms = [
        "don't tell your parents we talk", "don't tell your teacher about this", "this is our secret",
        "keep this between us", "just between you and me, ok?", "delete our messages after you read them",
        "nobody needs to know", "you can't tell anyone about this", "promise you won't tell",
        "your mom doesn't need to know", "erase this chat", "keep it on the down low",
        "I want to buy you something nice", "I got you a present", "I'll send you money",
        "want a gift card?", "I'll buy you new shoes", "let me get you a new phone",
        "what's your cashapp? I'll send you $50", "I have a surprise for you",
        "send me a pic of yourself", "send me a selfie", "what do you look like?",
        "can I see a picture of you", "send me a cute pic", "show me what you look like",
        "turn on your camera", "are your parents home?", "is your mom home right now?",
        "are you alone?", "when do your parents get home?", "is anyone else home?",
        "are you home alone tonight?", "when does your dad go to work?",
        "you're so mature for your age", "you're really beautiful", "do you have a boyfriend?",
        "I think about you all the time", "you're my favorite", "hey sweetie",
        "what are you wearing?", "I love you",
    ]
    out = [(s, "mentor") for s in ms]
    out += [(s.replace("your", "ur").replace("you", "u"), "mentor") for s in rnd.sample(ms, 25)]
    return out


def language() -> list[tuple[str, str]]:
    words = ["fuck", "shit", "bitch", "asshole", "damn", "bullshit", "dick", "crap", "pussy", "cunt"]
    evasions = [
        lambda w: w, lambda w: w.upper(), lambda w: ".".join(w), lambda w: " ".join(w),
        lambda w: w.replace("i", "1").replace("a", "@").replace("s", "$").replace("o", "0"),
        lambda w: w[0] + "*" * (len(w) - 2) + w[-1], lambda w: w[:2] + w[2] * 4 + w[3:],
        lambda w: "\u200b".join(w), lambda w: "".join(chr(ord(c) + 0xFEE0) for c in w),
        lambda w: w.replace("a", "а").replace("o", "о").replace("e", "е").replace("c", "с"),
        lambda w: w[0] + w[1:].replace("u", "").replace("i", ""),
    ]
    frames = ["this is {w}", "what the {w}", "{w} this homework", "oh {w} I forgot",
              "that test was {w}", "you're such a {w}", "{w}!!!", "lol {w}", "holy {w}"]
    out = []
    for _ in range(60):
        w = pick(words)
        ev = pick(evasions)(w)
        if ev == w[0] + w[1:].replace("u", "").replace("i", "") and ev not in ("fck", "sht", "btch"):
            ev = w
        out.append((pick(frames).format(w=ev), pick(["student", "mentor"])))
    harass = [
        "you're so stupid", "you are an idiot", "shut up", "nobody likes you", "you're a loser",
        "your resume is trash", "are you dumb?", "you'll never amount to anything", "kys",
        "I hate you", "what an idiot", "you're worthless", "stfu", "you're ugly",
        "I'll kill you", "I'm going to beat you up", "watch your back", "you're dead",
        "I know where you live", "I'll punch you", "i will hurt you",
    ]
    out += [(s, pick(["student", "mentor"])) for s in harass]
    return out


def concern() -> list[tuple[str, str]]:
    ms = [
        "I want to kill myself", "I don't want to live anymore", "I've been thinking about suicide",
        "sometimes I hurt myself", "I started cutting again", "I wish I was dead",
        "everyone would be better off without me", "I want to die", "no reason to live",
        "I'm going to end my life", "I took a bunch of pills last night", "thinking about ending it all",
        "I feel so hopeless", "nobody would miss me if I was gone", "i wanna kms",
        "my dad hits me", "my stepdad beats me when he's drunk", "my mom's boyfriend touched me",
        "I was abused", "I'm scared to go home", "I don't feel safe at home",
        "my uncle molested me", "he hurts me and says it's my fault", "my parents hit us",
        "I haven't eaten in two days", "there's no food at home", "my mom left and hasn't come home",
        "we have no heat in our apartment", "I go to bed hungry a lot", "nobody takes care of me",
        "my parents left me alone for a week", "our electricity got shut off",
        "a guy online is asking me to send nudes", "someone is threatening to post my pictures",
        "an older man pays me to hang out with him", "my boyfriend is 24 and I'm 15",
        "this guy made me sell stuff for him", "I sent him pics and now he wants more",
        "we got evicted", "I'm homeless", "we're living in our car", "I have nowhere to sleep tonight",
        "my parents kicked me out", "we're staying at a shelter", "I don't have a place to stay",
    ]
    out = [(s, "student") for s in ms]
    out += [(s.lower().replace("i'm", "im").replace("don't", "dont"), "student")
            for s in rnd.sample(ms, 25)]
    return out


def links() -> list[tuple[str, str]]:
    h = fake.user_name
    ms = [f"https://instagram.com/{h()}", f"check my page www.tiktok.com/@{h()}",
          "join my server https://discord.gg/AbC123", "https://chat.whatsapp.com/Invite123",
          f"https://t.me/{h()}", f"https://www.facebook.com/{h()}", f"snapchat.com/add/{h()}",
          "https://zoom.us/j/1234567890", "meet.google.com/abc-defg-hij", f"linktr.ee/{h()}",
          f"https://{fake.domain_name()}/profile", f"look at http://{fake.domain_name()}",
          f"{fake.domain_name()} has free stuff", f"https://bit.ly/{h()}",
          f"wa.me/1{rnd.randint(2000000000, 9999999999)}", f"venmo.com/{h()}"]
    return [(s, pick(["student", "mentor"])) for s in ms]


def main() -> None:
    rows = []
    for cat, gen in (("ordinary", ordinary), ("contact", contact), ("offplatform", offplatform),
                     ("grooming", grooming), ("language", language), ("concern", concern),
                     ("links", links)):
        for text, role in gen():
            rows.append({"text": text, "role": role, "category": cat})
    with OUT.open("w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(rows)} messages -> {OUT}")


if __name__ == "__main__":
    main()
