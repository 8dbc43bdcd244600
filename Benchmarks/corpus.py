#!/usr/bin/env python3
"""Deterministic benchmark corpus for winnow.

Writes article-like text (one paragraph per line, no blank lines, non-ASCII included) with a few percent
of boilerplate lines and near-miss lines that must be kept, plus a list of 120 anchored, case-insensitive
boilerplate patterns that all three tools (winnow/PCRE2, ripgrep's default engine, Python's re) read the
same way: only literals, explicit ASCII classes, alternation, groups and bounded repeats.

    python3 Benchmarks/corpus.py --megabytes 200 --out /tmp/winnow-bench
"""
import argparse
import os
import random

OUTLETS = ["Harbor Times", "Valley Post", "Metro Ledger", "Coastal Wire", "Northern Star", "Daily Beacon",
           "Capital Journal", "River Gazette", "Summit Herald", "Prairie News", "Lakeside Courier", "Bay Chronicle",
           "Granite Tribune", "Orchard Observer", "Harvest Review", "Meridian Daily", "Pinecrest Press",
           "Redwood Record", "Seaside Sentinel", "Union Dispatch"]
AGENCIES = ["Shutterstock", "Getty Images", "Reuters", "AFP", "EPA", "Alamy", "Unsplash", "iStock", "AP", "Pexels"]
TOOLS = ["Newsroom AI", "Story Engine", "Auto Writer", "Data Desk", "Quill Bot", "Press Robot"]
WORDS = ("the a council market shares company officials said report year city plan river school price vote "
         "minister police court study team season budget health data growth energy water rail bridge port "
         "café Zürich São Paulo naïve façade résumé Malmö Kraków Ærø 東京 München coöperate piñata Øresund "
         "rose fell quarter analysts expected growth inflation workers union strike talks agreement").split()
NEAR_MISSES = [
    "The image via satellite showed the flooded valley near the river.",
    "Readers left more than 400 comments under the original post.",
    "Copyright law has not kept up with new tools, the professor said.",
    "He was not immediately available for comment on Tuesday.",
    "The newsletter, founded in 1998, now has 20,000 subscribers.",
    "“All rights reserved” was printed on every page of the ledger.",
    "She said the app could be downloaded in the store by Friday.",
    "Photo credits in the exhibit went to students from the art school.",
]


def pattern_families():
    """(pattern, generator) pairs; each generator yields a line the pattern must match."""
    families = []
    for outlet in OUTLETS:
        families.append((f"(?i)^© [0-9]{{4}} {outlet}\\. All rights reserved\\.?$",
                         lambda r, o=outlet: f"© {r.randint(2000, 2026)} {o}. All rights reserved."))
        families.append((f"(?i)^(Sign up|Subscribe) (for|to) the {outlet} newsletter[.!]?$",
                         lambda r, o=outlet: f"{r.choice(['Sign up', 'Subscribe'])} to the {o} newsletter!"))
        families.append((f"(?i)^Follow {outlet} on (Twitter|Facebook|Instagram|LinkedIn)[.!]?$",
                         lambda r, o=outlet: f"Follow {o} on {r.choice(['Twitter', 'Facebook', 'Instagram'])}."))
    for agency in AGENCIES:
        families.append((f"(?i)^(Image|Photo|Picture)s? (via|by|courtesy of) {agency}$",
                         lambda r, a=agency: f"{r.choice(['Image', 'Photo', 'Picture'])} via {a}"))
        families.append((f"(?i)^(Photo|Image) credit: [A-Za-z .]{{2,40}}/{agency}$",
                         lambda r, a=agency: f"Photo credit: Jane Doe/{a}"))
    for tool in TOOLS:
        families.append((f"(?i)^This (story|article) was (generated|written) (using|by) {tool}[^\\n]{{0,80}}$",
                         lambda r, t=tool: f"This story was generated using {t} and edited by Sam Lee"))
    generic = [
        ("(?i)^Comments$", lambda r: "Comments"),
        ("(?i)^Load comments$", lambda r: "Load comments"),
        ("(?i)^Leave a (comment|reply)$", lambda r: "Leave a comment"),
        ("(?i)^Read (more|next):$", lambda r: "Read more:"),
        ("(?i)^See also: [A-Z][^\\n]{10,120}$", lambda r: "See also: Council Approves New Budget For Harbor Bridge"),
        ("(?i)^Related (articles|stories|coverage)$", lambda r: "Related stories"),
        ("(?i)^Share this:( (Email|Facebook|Twitter|LinkedIn))*$", lambda r: "Share this: Email Facebook Twitter"),
        ("(?i)^Scroll down for video$", lambda r: "Scroll down for video"),
        ("(?i)^Advertisement$", lambda r: "Advertisement"),
        ("(?i)^[0-9]{1,2} min(ute)?s? read$", lambda r: f"{r.randint(1, 12)} min read"),
        ("(?i)^Download (the|our) [A-Za-z ]{2,30} app[^\\n]{0,80}$", lambda r: "Download the Harbor Times app today"),
        ("(?i)^\\(Reporting by [A-Z][^\\n]{2,80}; Editing by [A-Z][^\\n]{2,80}\\)$",
         lambda r: "(Reporting by Ana Ruiz; Editing by Tom Hale)"),
        ("(?i)^[A-Z][A-Za-z .]{2,60} contributed to this report\\.$", lambda r: "Maria Chen contributed to this report."),
        ("(?i)^Originally published on [A-Z][A-Za-z .]{2,40}\\.?$", lambda r: "Originally published on Valley Post."),
        ("(?i)^This material may not be published, broadcast, rewritten,? or redistributed\\.$",
         lambda r: "This material may not be published, broadcast, rewritten or redistributed."),
        ("(?i)^Disclaimer: This content was partially produced with the help of AI tools[^\\n]{0,120}$",
         lambda r: "Disclaimer: This content was partially produced with the help of AI tools and reviewed by editors."),
        ("(?i)^[A-Za-z .]{2,40} does not provide investment advice\\.( All rights reserved\\.)?$",
         lambda r: "Metro Ledger does not provide investment advice. All rights reserved."),
        ("(?i)^Trade confidently with [^\\n]{10,160}$",
         lambda r: "Trade confidently with insights and alerts from analyst ratings and free reports."),
        ("(?i)^Before you consider [A-Z][A-Za-z ]{1,40}, you'll want to hear this\\.$",
         lambda r: "Before you consider Harbor, you'll want to hear this."),
        ("(?i)^(Previous|Next) (post|article)$", lambda r: "Next article"),
        ("(?i)^Page [0-9]{1,3} of [0-9]{1,3}$", lambda r: f"Page {r.randint(1, 9)} of 9"),
        ("(?i)^Home » [A-Za-z ]{2,30} » [^\\n]{2,80}$", lambda r: "Home » National News » Council approves budget"),
        ("(?i)^This website uses cookies[^\\n]{0,200}$", lambda r: "This website uses cookies to improve your experience."),
        ("(?i)^Continue reading$", lambda r: "Continue reading"),
        ("(?i)^Get the latest [A-Za-z ]{2,40} delivered to your inbox[.!]?$",
         lambda r: "Get the latest local news delivered to your inbox."),
        ("(?i)^Already a subscriber\\? (Log|Sign) in\\.?$", lambda r: "Already a subscriber? Log in."),
        ("(?i)^Play video$", lambda r: "Play video"),
        ("(?i)^Video duration [0-9]{1,2} minutes?( [0-9]{1,2} seconds?)?$", lambda r: "Video duration 3 minutes 50 seconds"),
        ("(?i)^SOURCE: [A-Z][A-Z ,&]{2,60}$", lambda r: "SOURCE: NEWS AGENCIES"),
        ("(?i)^Like us on Facebook[.!]?$", lambda r: "Like us on Facebook!"),
        ("(?i)^Tags: [A-Za-z ,]{2,120}$", lambda r: "Tags: politics, budget, harbor"),
        ("(?i)^Filed under: [A-Za-z ,]{2,120}$", lambda r: "Filed under: Business, Transport"),
        ("(?i)^(Chart|Graph|Data) by (YCharts|Statista|FactSet)$", lambda r: "Chart by YCharts"),
        ("(?i)^Views expressed (here|above) are (the author's|those of the author)[^\\n]{0,80}$",
         lambda r: "Views expressed here are those of the author alone."),
        ("(?i)^We may earn a commission when you buy through links[^\\n]{0,120}$",
         lambda r: "We may earn a commission when you buy through links on our site."),
        ("(?i)^Click here to (subscribe|sign up|read more)[^\\n]{0,80}$", lambda r: "Click here to subscribe"),
        ("(?i)^Most (read|popular)$", lambda r: "Most read"),
        ("(?i)^Trending now$", lambda r: "Trending now"),
        ("(?i)^Listen to this article( [0-9]{1,2} min)?$", lambda r: "Listen to this article 4 min"),
        ("(?i)^Print this (article|page)$", lambda r: "Print this article"),
        ("(?i)^Write to [A-Z][A-Za-z .]{2,40} at [a-z.]{2,40}@[a-z]{2,20}\\.com$",
         lambda r: "Write to Ana Ruiz at ana.ruiz@harbortimes.com"),
    ]
    families += generic
    # Interleave so that any prefix (10, 30, 60 patterns) mixes families.
    random.Random(7).shuffle(families)
    return families[:120]


def sentence(rng):
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 22))]
    return words[0].capitalize() + " " + " ".join(words[1:]) + rng.choice([".", ".", ".", "?", "!"])


def write_corpus(out, megabytes, files):
    families = pattern_families()
    with open(os.path.join(out, "patterns.txt"), "w", encoding="utf-8") as handle:
        handle.write("".join(pattern + "\n" for pattern, _ in families))
    rng = random.Random(2026)
    target = megabytes * 1_000_000
    written = 0
    folder = os.path.join(out, "articles")
    os.makedirs(folder, exist_ok=True)
    article_index = 0
    with open(os.path.join(out, "corpus.txt"), "w", encoding="utf-8", newline="\n") as corpus:
        while written < target:
            lines = [" ".join(w.capitalize() for w in sentence(rng)[:-1].split()[:8])]
            for _ in range(rng.randint(8, 24)):
                roll = rng.random()
                if roll < 0.03:
                    lines.append(rng.choice(families)[1](rng))
                elif roll < 0.05:
                    lines.append(rng.choice(NEAR_MISSES))
                else:
                    lines.append(" ".join(sentence(rng) for _ in range(rng.randint(1, 5))))
            text = "\n".join(lines) + "\n"
            corpus.write(text)
            if article_index < files:
                with open(os.path.join(folder, f"article-{article_index:06d}.txt"), "w", encoding="utf-8") as handle:
                    handle.write(text)
            article_index += 1
            written += len(text.encode("utf-8"))
    return written


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--megabytes", type=int, default=200, help="size of corpus.txt (default 200)")
    parser.add_argument("--files", type=int, default=20_000, help="articles also written one per file (default 20000)")
    parser.add_argument("--out", default="/tmp/winnow-bench", help="output folder")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    size = write_corpus(args.out, args.megabytes, args.files)
    print(f"wrote {size / 1e6:.1f} MB to {args.out}/corpus.txt, {args.files} articles to {args.out}/articles/, "
          f"120 patterns to {args.out}/patterns.txt")


if __name__ == "__main__":
    main()
