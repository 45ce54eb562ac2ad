"""Real-shaped Chinese news articles for benchmarks.

Uses ../shared/corpus when it is present beside the project (real text: the honest measure);
otherwise writes articles from this project's own sentence templates, so that the benchmarks
still run anywhere.
"""
from __future__ import annotations

import json
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"

SUBJECTS = ["市交通局", "区教育局", "社区居委会", "省气象台", "县农业农村局", "市场监管部门", "街道办事处", "市文旅局"]
ACTIONS = ["召开新闻发布会", "发布最新通知", "启动专项行动", "公布年度数据", "开展入户走访", "组织志愿服务"]
DETAILS = [
    "今年前三季度，全市完成固定资产投资{n}亿元，同比增长{p}%。",
    "据介绍，项目总投资约{n}亿元，预计明年{m}月建成投用。",
    "活动吸引了{n}余名居民参加，现场气氛热烈。",
    "工作人员提醒，市民可通过官方渠道查询办理进度。",
    "截至{m}月底，已累计服务群众{n}万人次。",
    "下一步，相关部门将继续完善配套设施，提升服务水平。",
    "“我们希望把好事办好，把实事办实。”负责人表示。",
    "记者从现场了解到，新建的停车场共有{n}个车位。",
]


def _generated(count: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    docs = []
    for _ in range(count):
        head = f"{rng.choice(SUBJECTS)}{rng.choice(ACTIONS)}"
        paragraphs = []
        for _ in range(rng.randint(4, 9)):
            sentences = [rng.choice(DETAILS).format(n=rng.randint(2, 900), p=rng.randint(1, 30) / 10 * 10, m=rng.randint(1, 12))
                         for _ in range(rng.randint(2, 5))]
            paragraphs.append("".join(sentences))
        docs.append(f"{head}\n\n（记者 王某）" + "\n\n".join(paragraphs) + "\n\n责任编辑：李某\n")
    return docs


def corpus_articles() -> list[str]:
    """Articles of a few thousand characters each, as .txt text."""
    docs = []
    for path in sorted((CORPUS / "articles").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            docs.append(f"{item['title']}\n\n{item['body']}\n")
    for path in sorted((CORPUS / "clean").glob("*.txt")):
        lines = path.read_text(encoding="utf-8").splitlines()
        docs += ["\n".join(lines[i:i + 20]) + "\n" for i in range(0, len(lines), 20)]
    return docs or _generated(2000)


def articles_of_size(megabytes: float) -> list[str]:
    """Articles repeated until they hold `megabytes` of UTF-8 text."""
    base = corpus_articles()
    target = megabytes * 1_000_000
    docs, size, i = [], 0, 0
    while size < target:
        doc = base[i % len(base)]
        docs.append(doc)
        size += len(doc.encode("utf-8"))
        i += 1
    return docs


def source_name() -> str:
    return "../shared/corpus" if (CORPUS / "articles").is_dir() else "generated articles"


def misspelt_run(forms: list[str], chars: int, rng: random.Random) -> str:
    """`forms` picked at random and run together without punctuation until `chars`
    characters, every other one with a character replaced by one of the same reading: a
    spelling detector's worst case (a hit at every form, a judgement at every other)."""
    from lint.spelling.confusion import SAME_READING, candidates

    pieces, size = [], 0
    while size < chars:
        form = rng.choice(forms)
        if len(pieces) % 2:
            position = rng.randrange(len(form))
            same = sorted(ch for ch, kind in candidates(form[position]).items() if kind == SAME_READING)
            if same:
                form = form[:position] + rng.choice(same) + form[position + 1:]
        pieces.append(form)
        size += len(form)
    return "".join(pieces)
