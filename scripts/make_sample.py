"""Generate the bundled sample network: Alex Morgan's contacts, ties and three years of contact.

Run ``python scripts/make_sample.py`` (or ``--out DIR``) to write ``people.csv``, ``ties.csv`` and
``interactions.csv`` into ``src/netgraph/datasets/data/``. The output depends only on ``SEED``: the
same script gives the same bytes.

The ego is Alex Morgan (id ``"me"``), a lead data scientist in London, with seven circles:

================  =====================================================================
circle            who
================  =====================================================================
northwind         current employer, Northwind Analytics (fintech), joined February 2023
helix             former employer, Helix Health (health tech), 2018 to January 2023
edinburgh         University of Edinburgh alumni (graduated 2012)
london-data       the London Data Science Meetup, an industry community
hackney           the neighbourhood: the street, the community garden, the running club
mentoring         the DataBridge mentoring programme: mentors and two mentee cohorts
family-friends    the Morgan family, the Okafor in-laws, school friends in Leeds, London friends
================  =====================================================================

Each circle is split into groups of similar people (a team, a cohort, a street) whose members
share a company, a school or a city. The first tag of a person names their circle, the second
their group. Interactions run from 2023-01-01 to 2025-12-31, so ``today`` is 2025-12-31.

Planted features, which the analyses should find (``PLANTED`` lists the ids):

(a) Closed clusters: ties inside a group are dense (probability 0.6), sparser across the groups
    of a circle (0.12) and rare across circles (0.002): each circle is closed, and Alex is nearly
    the only bridge between them.
(b) Brokers: four contacts span two or three circles: ``priya-shah`` (Helix analytics, moved to
    Northwind in 2024), ``tomasz-kowalczyk`` (Edinburgh alumnus who organises the meetup and is in
    the London friends), ``hannah-becker`` (a neighbour who works at Helix) and ``rafael-ortega``
    (a mentor who speaks at the meetup).
(c) Dormant weak ties: eight contacts Alex met two to four times in 2023 or 2024 and has not been
    in touch with since (no contact after 2024-09-30, so at least 15 months before ``today``), each
    central in a group Alex otherwise barely reaches: three Edinburgh alumni, three meetup members
    and two mentees of the programme's second cohort.
(d) One-sided relationships: Alex asks, and never gives, with two mentors, the Northwind VP and
    a former manager at Helix; and gives, never asks, with three mentees.
(e) Once-strong ties gone quiet: four former Helix team-mates and a school friend, in touch every
    week or two until mid-2024 and silent since (last contact between May and November 2024).

Also: three Northwind engineers who joined in 2025 appear only in the interactions (no stated tie
with Alex yet), two ties state two kinds (``priya-shah``: former colleague and colleague again;
``tomasz-kowalczyk``: classmate and friend), and closeness is stated for about half of Alex's ties.

Interaction ``kind`` is ``meeting`` or ``message`` for most rows; ``give`` means the source gave the
target something (advice, an introduction, a referral) and ``ask`` that the source asked the
target for something.
"""

from __future__ import annotations

import argparse
import unicodedata
from pathlib import Path

import numpy as np
import pandas as pd

__all__ = ["EGO", "OUT", "PLANTED", "SEED", "make_sample", "write_sample"]

SEED = 20251231
EGO = "me"
START = pd.Timestamp("2023-01-01")
END = pd.Timestamp("2025-12-31")
OUT = Path(__file__).resolve().parents[1] / "src" / "netgraph" / "datasets" / "data"

P_GROUP, P_CIRCLE, P_ACROSS = 0.6, 0.12, 0.002

# Names by origin, "first names | surnames" (an underscore joins a two-word surname). Names are
# combined within an origin only, and surnames are ones both women and men carry.
NAMES = {
    "english": "Oliver George Harry Jack Charlie Emily Sophie Lucy Hannah Amelia Isabel Thomas "
    "James Ella Rebecca Joe Eleanor William Rosie Matthew | Smith Taylor Brown Wilson Evans "
    "Roberts Walker Wright Hughes Green Hall Wood Clarke Harris Turner Cooper Ward",
    "scottish_irish": "Ewan Isla Mhairi Ciaran Niamh Aoife Eilidh Finlay Rory Siobhan Cormac "
    "Saoirse Kirsty | MacLeod Campbell Stewart Murray Byrne Ryan Doyle Kennedy Gallagher Quinn",
    "indian": "Aarav Ananya Rohan Kavya Vikram Meera Sanjay Nisha Rahul Deepa Anil Sunita Kiran | "
    "Patel Sharma Gupta Iyer Reddy Desai Nair Bhatt Joshi Menon",
    "pakistani_bangladeshi": "Aisha Imran Farah Zara Bilal Hamza Sana Tariq Nadia Rizwan | Khan "
    "Chaudhry Malik Ahmed Qureshi Rahman Butt Iqbal",
    "sikh": "Harpreet Gurpreet Jaspreet Manpreet Simran Amrit Navdeep | Gill Sandhu Dhillon Bains "
    "Grewal Sidhu",
    "chinese": "Wei Jing Hao Xin Yan Lei Jun Ling Yu Tian | Wang Li Zhang Liu Chen Huang Zhao Wu "
    "Zhou Xu Sun",
    "japanese": "Yuki Haruto Sakura Kenji Aiko Daichi Emi Ren Hana | Sato Suzuki Takahashi "
    "Watanabe Ito Yamamoto Nakamura Kobayashi",
    "korean": "Ji-woo Min-jun Seo-yeon Hyun-woo Soo-ah Do-yun Ha-eun | Kim Park Lee Choi Jung "
    "Kang Yoon",
    "nigerian": "Chidi Ngozi Tunde Funmilayo Oluwaseun Adaeze Emeka Folake Ifeanyi Bisi | Adeyemi "
    "Okonkwo Balogun Eze Nwachukwu Adebayo Oyelaran Obi",
    "ghanaian": "Kofi Akua Yaw Abena Kwabena Efua Kwesi Ama | Boateng Asante Owusu Mensah Appiah "
    "Darko",
    "kenyan": "Wanjiru Amina Baraka Achieng Juma Neema Kipchoge Wambui | Kamau Odhiambo Mutua "
    "Njoroge Kiplagat Otieno",
    "ethiopian": "Tesfaye Selam Abebe Hanna Dawit Meron | Bekele Haile Tadesse Girma",
    "caribbean": "Marcus Tanisha Jerome Shanice Andre Keisha Delroy Monique Tyrone Simone | "
    "Campbell Thompson Morris Francis Williams Henry Lewis",
    "hispanic": "Carlos Lucia Mateo Valentina Javier Camila Alejandro Paula Sergio Elena Andres "
    "Marta | García Rodríguez Fernández López Martínez Sánchez Pérez Gómez Morales Castillo",
    "portuguese_brazilian": "João Beatriz Tiago Mariana Rafael Ana Pedro Carolina Gabriel "
    "Larissa | Silva Santos Ferreira Pereira Costa Oliveira Almeida Carvalho Sousa",
    "polish": "Piotr Agnieszka Katarzyna Marek Zofia Jakub Magdalena Łukasz | Nowak Wójcik Mazur "
    "Krawczyk Zając Król Wieczorek",
    "german": "Lukas Anna Felix Lena Jonas Marie Maximilian Julia | Müller Schmidt Fischer Weber "
    "Wagner Hoffmann Becker",
    "dutch": "Niels Femke Daan Sanne Jeroen Lotte | de_Vries Jansen Bakker Vos Visser Smit",
    "nordic": "Erik Ingrid Lars Astrid Mikkel Freja Oskar Maja Henrik Sigrid | Hansen Johansson "
    "Nielsen Andersson Larsen Berg Eriksen Lindberg",
    "french": "Camille Louis Chloé Hugo Léa Antoine Manon Julien | Martin Bernard Dubois Moreau "
    "Laurent Lefebvre",
    "italian": "Giulia Marco Francesca Matteo Chiara Alessandro Sara Davide | Rossi Russo Bianchi "
    "Esposito Ricci Conti Greco",
    "greek_cypriot": "Nikos Eleni Dimitris Maria Kostas Christina Andreas | Georgiou Ioannou "
    "Christodoulou Antoniou Constantinou",
    "turkish": "Elif Emre Zeynep Burak Selin Can Deniz | Yılmaz Kaya Şahin Çelik Öztürk Aydın",
    "arab": "Omar Layla Yusuf Mariam Karim Noor Hassan Salma | Haddad Nasser Khalil Mansour Saleh "
    "Farouk",
    "persian": "Dariush Shirin Reza Leila Arash Parisa | Hosseini Ahmadi Karimi Rahimi Tehrani",
    "vietnamese": "Minh Linh Quang Thao Huong Tuan | Nguyen Tran Pham Le Hoang Vu",
    "filipino": "Andrea Paolo Marisol Arnel Joy Rodel | Santos Reyes Cruz Bautista Mendoza",
}
ORIGIN_WEIGHTS = {
    "english": 0.2,
    "scottish_irish": 0.06,
    "indian": 0.07,
    "pakistani_bangladeshi": 0.05,
    "sikh": 0.02,
    "chinese": 0.05,
    "japanese": 0.02,
    "korean": 0.02,
    "nigerian": 0.05,
    "ghanaian": 0.02,
    "kenyan": 0.02,
    "ethiopian": 0.01,
    "caribbean": 0.05,
    "hispanic": 0.05,
    "portuguese_brazilian": 0.04,
    "polish": 0.04,
    "german": 0.03,
    "dutch": 0.02,
    "nordic": 0.03,
    "french": 0.03,
    "italian": 0.03,
    "greek_cypriot": 0.02,
    "turkish": 0.03,
    "arab": 0.03,
    "persian": 0.02,
    "vietnamese": 0.02,
    "filipino": 0.02,
}

# --- circles and groups ---------------------------------------------------------------------

OTHER_COMPANIES = {  # company: (industry, email domain)
    "Brightwater Bank": ("Banking", "brightwaterbank.example"),
    "Quanta Labs": ("Software", "quantalabs.example"),
    "Orbital Logistics": ("Logistics", "orbital-logistics.example"),
    "Fernleaf Energy": ("Energy", "fernleaf.example"),
    "Kestrel Insurance": ("Insurance", "kestrel-insurance.example"),
    "Lumen Retail": ("Retail", "lumenretail.example"),
    "Cobalt Games": ("Video games", "cobaltgames.example"),
    "Harbour Media": ("Media", "harbourmedia.example"),
    "Tessellate AI": ("Software", "tessellate.example"),
    "Meridian Pharma": ("Pharmaceuticals", "meridianpharma.example"),
    "Civic Data Office": ("Public sector", "civicdata.example"),
    "Atlas Consulting": ("Consulting", "atlasconsulting.example"),
}
# Employers of people outside tech, by role: (company, industry); "" for none.
ROLE_EMPLOYERS = {
    "Retired": ("", ""),
    "Student": ("", ""),
    "Teacher": ("Northfield Academy", "Education"),
    "Lecturer": ("University of Glasgow", "Higher education"),
    "Nurse": ("Eastgate Hospital", "Healthcare"),
    "Doctor": ("Eastgate Hospital", "Healthcare"),
    "Physiotherapist": ("Eastgate Hospital", "Healthcare"),
    "Paramedic": ("City Ambulance Service", "Healthcare"),
    "Pharmacist": ("Wellspring Pharmacy", "Healthcare"),
    "Social Worker": ("Eastgate Borough Council", "Public sector"),
    "Civil Servant": ("Civic Data Office", "Public sector"),
    "Police Officer": ("Northern Police Service", "Public sector"),
    "Economist": ("Civic Data Office", "Public sector"),
    "Quant Analyst": ("Brightwater Bank", "Banking"),
    "Actuary": ("Kestrel Insurance", "Insurance"),
    "Journalist": ("Harbour Media", "Media"),
    "Producer": ("Harbour Media", "Media"),
    "Illustrator": ("", "Design"),
    "Designer": ("Studio Fathom", "Design"),
    "Architect": ("Lark & Stone Architects", "Architecture"),
    "Solicitor": ("Greaves Whitlock LLP", "Legal"),
    "Lawyer": ("Greaves Whitlock LLP", "Legal"),
    "Accountant": ("Moorgate Accountants", "Accounting"),
    "Consultant": ("Atlas Consulting", "Consulting"),
    "Chef": ("The Copper Pot", "Hospitality"),
    "Café Owner": ("Little Fern Café", "Hospitality"),
    "Gardener": ("", "Horticulture"),
    "Electrician": ("", "Construction"),
    "Plumber": ("", "Construction"),
    "Engineer": ("Fernleaf Energy", "Energy"),
}
SCHOOLS = [
    "University of Manchester",
    "University College London",
    "University of Leeds",
    "King's College London",
    "University of Bristol",
    "University of Glasgow",
    "Imperial College London",
    "University of Warwick",
    "Trinity College Dublin",
    "TU Berlin",
]

# circle -> settings; groups: name -> (size, roles, city, company or None, ego reach, profile)
CIRCLES = {
    "northwind": {
        "kind": "colleague",
        "company": "Northwind Analytics",
        "industry": "Financial technology",
        "domain": "northwind-analytics.example",
        "since": ("2019-01-01", "2025-06-30"),
        "channels": {"email": 0.35, "meeting": 0.35, "message": 0.3},
        "groups": {
            "data-team": (12, "Data Scientist;Senior Data Scientist;Machine Learning Engineer"),
            "product": (10, "Product Manager;Senior Product Manager;Product Analyst"),
            "engineering": (16, "Software Engineer;Senior Software Engineer;Staff Engineer"),
            "design": (7, "Product Designer;UX Researcher"),
            "sales": (9, "Account Executive;Sales Engineer;Customer Success Manager"),
            "leadership": (6, "VP Engineering;Head of Product;Chief Data Officer;CFO"),
        },
        "city": "London",
    },
    "helix": {
        "kind": "colleague",
        "company": "Helix Health",
        "industry": "Health technology",
        "domain": "helixhealth.example",
        "since": ("2014-01-01", "2022-12-31"),
        "channels": {"email": 0.4, "meeting": 0.25, "message": 0.25, "linkedin": 0.1},
        "groups": {
            "analytics": (12, "Data Analyst;Data Scientist;Analytics Manager"),
            "clinical-product": (10, "Clinical Product Manager;Clinical Lead;Product Owner"),
            "engineering": (13, "Software Engineer;Platform Engineer;QA Engineer"),
            "operations": (10, "Operations Manager;Programme Manager;Finance Analyst"),
        },
        "city": "London",
    },
    "edinburgh": {
        "kind": "classmate",
        "school": "University of Edinburgh",
        "since": ("2008-09-01", "2012-06-30"),
        "channels": {"message": 0.4, "email": 0.3, "linkedin": 0.2, "call": 0.1},
        "groups": {
            "informatics": (14, "Software Engineer;Research Scientist;Engineering Manager;CTO"),
            "maths-economics": (12, "Economist;Quant Analyst;Actuary;Lecturer"),
            "society": (12, "Journalist;Teacher;Civil Servant;Architect;Doctor"),
        },
        "city": "Edinburgh",
    },
    "london-data": {
        "kind": "meetup",
        "since": ("2018-01-01", "2024-06-30"),
        "channels": {"linkedin": 0.35, "email": 0.25, "message": 0.25, "meeting": 0.15},
        "groups": {
            "ml": (14, "Machine Learning Engineer;Data Scientist;Research Engineer"),
            "data-engineering": (13, "Data Engineer;Analytics Engineer;Platform Engineer"),
            "organisers": (6, "Community Organiser;Developer Advocate;Head of Data"),
            "analytics": (7, "Data Analyst;BI Developer;Analytics Lead"),
        },
        "city": "London",
    },
    "hackney": {
        "kind": "neighbour",
        "since": ("2021-04-01", "2025-03-31"),
        "channels": {"message": 0.5, "meeting": 0.4, "call": 0.1},
        "groups": {
            "street": (12, "Teacher;Nurse;Architect;Café Owner;Solicitor;Retired"),
            "garden": (12, "Gardener;Social Worker;Illustrator;Pharmacist;Student"),
            "running-club": (10, "Physiotherapist;Accountant;Paramedic;Software Engineer"),
        },
        "city": "London",
    },
    "mentoring": {
        "kind": "mentoring",
        "since": ("2023-03-01", "2023-03-31"),
        "channels": {"meeting": 0.45, "email": 0.35, "message": 0.2},
        "groups": {
            "mentors": (10, "Director of Data;Principal Data Scientist;VP Analytics;Founder"),
            "cohort-a": (8, "Junior Data Analyst;Graduate Data Scientist;Data Apprentice"),
            "cohort-b": (8, "Junior Data Analyst;Graduate Data Scientist;Data Apprentice"),
        },
        "city": "London",
    },
    "family-friends": {
        "kind": "friend",
        "since": ("2001-09-01", "2020-12-31"),
        "channels": {"message": 0.5, "call": 0.3, "meeting": 0.2},
        "groups": {
            "morgan-family": (8, "Retired;Teacher;Nurse;Electrician;Student;Solicitor"),
            "okafor-family": (5, "Pharmacist;Engineer;Retired;Lawyer;Student"),
            "leeds-friends": (8, "Teacher;Plumber;Accountant;Nurse;Police Officer"),
            "london-friends": (11, "Designer;Lawyer;Chef;Doctor;Producer;Consultant"),
        },
        "city": "London",
    },
}
GROUP_CITY = {"morgan-family": "Leeds", "okafor-family": "Manchester", "leeds-friends": "Leeds"}

# Fixed people: (name, circle, group, role or None, planted feature)
FIXED = [
    # (b) brokers
    ("Priya Shah", "helix", "analytics", "Senior Data Scientist", "broker"),
    ("Tomasz Kowalczyk", "edinburgh", "informatics", "Head of Data", "broker"),
    ("Hannah Becker", "hackney", "street", "Platform Engineer", "broker"),
    ("Rafael Ortega", "mentoring", "mentors", "Principal Data Scientist", "broker"),
    # (c) dormant weak ties
    ("Mei Lin Tan", "edinburgh", "informatics", None, "dormant"),
    ("Callum Fraser", "edinburgh", "maths-economics", None, "dormant"),
    ("Inês Duarte", "edinburgh", "society", None, "dormant"),
    ("Yusuf Demir", "london-data", "ml", None, "dormant"),
    ("Sofia Lindqvist", "london-data", "data-engineering", None, "dormant"),
    ("Arjun Mehta", "london-data", "analytics", None, "dormant"),
    ("Grace Mwangi", "mentoring", "cohort-b", None, "dormant"),
    ("Luca Romano", "mentoring", "cohort-b", None, "dormant"),
    # (d) one-sided: Alex asks
    ("Catherine Blake", "mentoring", "mentors", "Director of Data", "asks"),
    ("Hiroshi Tanaka", "mentoring", "mentors", "VP Analytics", "asks"),
    ("Olivia Grant", "northwind", "leadership", "VP Engineering", "asks"),
    ("Marcus Bell", "helix", "analytics", "Analytics Manager", "asks"),
    # (d) one-sided: Alex gives
    ("Zainab Hussain", "mentoring", "cohort-a", None, "gives"),
    ("Diego Álvarez", "mentoring", "cohort-a", None, "gives"),
    ("Chloe Nguyen", "mentoring", "cohort-a", None, "gives"),
    # (e) once strong, gone quiet
    ("Fatima Al-Sayed", "helix", "analytics", None, "quiet"),
    ("Ben Carter", "helix", "analytics", None, "quiet"),
    ("Ewa Nowak", "helix", "analytics", None, "quiet"),
    ("Kwame Mensah", "helix", "analytics", None, "quiet"),
    ("Liam O'Connor", "family-friends", "leeds-friends", None, "quiet"),
    # family
    ("Sam Okafor", "family-friends", "okafor-family", "Architect", "partner"),
    ("Chinwe Okafor", "family-friends", "okafor-family", "Retired", "family"),
    ("Emeka Okafor", "family-friends", "okafor-family", "Retired", "family"),
    ("Ada Okafor", "family-friends", "okafor-family", "Lawyer", "family"),
    ("Kelechi Okafor", "family-friends", "okafor-family", "Engineer", "family"),
    ("Helen Morgan", "family-friends", "morgan-family", "Retired", "family"),
    ("David Morgan", "family-friends", "morgan-family", "Retired", "family"),
    ("Jess Morgan", "family-friends", "morgan-family", "Nurse", "family"),
    ("Tom Morgan", "family-friends", "morgan-family", "Electrician", "family"),
    ("Nia Morgan", "family-friends", "morgan-family", "Teacher", "family"),
    ("Rhys Morgan", "family-friends", "morgan-family", "Student", "family"),
    ("Carys Evans", "family-friends", "morgan-family", "Solicitor", "family"),
    ("Gareth Evans", "family-friends", "morgan-family", "Teacher", "family"),
]
# Broker spans: broker -> [(circle, group, number of ties)]
SPANS = {
    "priya-shah": [("northwind", "data-team", 6), ("northwind", "product", 2)],
    "tomasz-kowalczyk": [("london-data", "organisers", 5), ("london-data", "ml", 3)]
    + [("family-friends", "london-friends", 5)],
    "hannah-becker": [("helix", "engineering", 5), ("helix", "operations", 2)],
    "rafael-ortega": [("london-data", "organisers", 3), ("london-data", "ml", 4)],
}
# Alex's reach into each group: number of members known (beyond the fixed people), profile
REACH = {
    ("northwind", "data-team"): (12, "team"),
    ("northwind", "product"): (8, "colleague"),
    ("northwind", "engineering"): (8, "colleague-light"),
    ("northwind", "design"): (4, "colleague-light"),
    ("northwind", "sales"): (3, "colleague-light"),
    ("northwind", "leadership"): (3, "colleague"),
    ("helix", "analytics"): (3, "former"),
    ("helix", "clinical-product"): (5, "former"),
    ("helix", "engineering"): (4, "former"),
    ("helix", "operations"): (2, "former"),
    ("hackney", "street"): (8, "neighbour"),
    ("hackney", "garden"): (5, "neighbour-light"),
    ("hackney", "running-club"): (4, "neighbour-light"),
    ("family-friends", "leeds-friends"): (4, "school-friend"),
    ("family-friends", "london-friends"): (10, "friend"),
}
EGO_KIND = {
    "northwind": "colleague",
    "helix": "former colleague",
    "edinburgh": "classmate",
    "london-data": "acquaintance",
    "hackney": "neighbour",
    "family-friends": "friend",
}
NEW_HIRES = 3  # Northwind engineers met in 2025: interactions with Alex, no stated tie

# Interaction profiles of Alex's ties: segments (start, end, contacts per month), share that
# Alex starts, and the give/ask role ("asks": Alex asks and never gives; "gives": the reverse).
PROFILES = {
    "partner": ([("2023-01-01", "2025-12-31", 9.0)], 0.5, None),
    "family": ([("2023-01-01", "2025-12-31", 1.6)], 0.5, None),
    "friend": ([("2023-01-01", "2025-12-31", 1.0)], 0.5, None),
    "school-friend": ([("2023-01-01", "2025-12-31", 0.35)], 0.5, None),
    "team": ([("2023-02-01", "2025-12-31", 3.5)], 0.5, None),
    "colleague": ([("2023-02-15", "2025-12-31", 0.9)], 0.5, None),
    "colleague-light": ([("2023-03-01", "2025-12-31", 0.3)], 0.5, None),
    "new-hire": ([("2025-06-01", "2025-12-31", 1.5)], 0.5, None),
    "former": ([("2023-01-01", "2023-06-30", 0.8), ("2023-07-01", "2025-12-31", 0.12)], 0.5, None),
    "neighbour": ([("2023-01-01", "2025-12-31", 0.6)], 0.5, None),
    "neighbour-light": ([("2023-01-01", "2025-12-31", 0.2)], 0.5, None),
    "broker": ([("2023-01-01", "2025-12-31", 0.6)], 0.5, None),
    "asks": ([("2023-03-01", "2025-12-31", 0.9)], 0.85, "asks"),
    "gives": ([("2023-04-01", "2025-12-31", 0.9)], 0.5, "gives"),
}


_ASCII = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ß": "ss", "æ": "ae"})


def slug(name: str) -> str:
    """Return a simple id for a name: ``"Inês Duarte"`` -> ``"ines-duarte"``."""
    text = name.translate(_ASCII)  # letters NFKD does not decompose
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = "".join(c if c.isalnum() else " " for c in text.lower().replace("'", ""))
    return "-".join(text.split())


def _dates(rng: np.random.Generator, start: str, end: str, n: int) -> list[pd.Timestamp]:
    lo, hi = pd.Timestamp(start), pd.Timestamp(end)
    days = rng.integers(0, (hi - lo).days + 1, n)
    return [lo + pd.Timedelta(days=int(d)) for d in np.sort(days)]


def _choice(rng: np.random.Generator, weights: dict[str, float]) -> str:
    keys = list(weights)
    p = np.array([weights[k] for k in keys])
    return keys[int(rng.choice(len(keys), p=p / p.sum()))]


def make_sample(seed: int = SEED) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Return the sample's people, ties and interactions tables."""
    rng = np.random.default_rng(seed)
    people: list[dict] = []
    used: set[str] = set()

    def new_name() -> str:
        while True:
            firsts, lasts = NAMES[_choice(rng, ORIGIN_WEIGHTS)].split(" | ")
            first = str(rng.choice(firsts.split()))
            last = str(rng.choice(lasts.split())).replace("_", " ")
            name = f"{first} {last}"
            if slug(name) not in used:
                return name

    def add(name, circle, group, role=None, feature=None):
        pid = slug(name)
        assert pid not in used, pid
        used.add(pid)
        settings = CIRCLES[circle]
        roles = CIRCLES[circle]["groups"][group][1].split(";")
        person = {
            "id": pid,
            "name": name,
            "circle": circle,
            "group": group,
            "role": role or str(rng.choice(roles)),
            "feature": feature,
        }
        if "company" in settings:
            person["company"] = settings["company"]
            person["industry"] = settings["industry"]
            person["domain"] = settings["domain"]
        elif person["role"] in ROLE_EMPLOYERS:
            company, industry = ROLE_EMPLOYERS[person["role"]]
            domain = slug(company).replace("-", "") + ".example" if company else ""
            person.update(company=company, industry=industry, domain=domain)
        else:
            company = str(rng.choice(sorted(OTHER_COMPANIES)))
            person["company"] = company
            person["industry"], person["domain"] = OTHER_COMPANIES[company]
        person["school"] = settings.get("school") or (
            str(rng.choice(SCHOOLS)) if rng.random() < 0.7 and person["role"] != "Retired" else ""
        )
        person["city"] = GROUP_CITY.get(group, settings["city"])
        if circle == "edinburgh":  # alumni spread out after graduating
            person["city"] = str(
                rng.choice(["Edinburgh", "London", "Glasgow", "Berlin", "Amsterdam", "Dublin"])
            )
        people.append(person)
        return person

    # The fixed people first, then each group filled up with generated names.
    for name, circle, group, role, feature in FIXED:
        add(name, circle, group, role, feature)
    for circle, settings in CIRCLES.items():
        for group, (size, _roles) in settings["groups"].items():
            have = sum(p["circle"] == circle and p["group"] == group for p in people)
            for _ in range(size - have):
                add(new_name(), circle, group)

    # Brokers' attributes reflect both circles.
    byid = {p["id"]: p for p in people}
    byid["priya-shah"].update(
        company="Northwind Analytics",
        industry="Financial technology",
        domain="northwind-analytics.example",
    )
    byid["tomasz-kowalczyk"].update(city="London")
    byid["sam-okafor"].update(city="London")  # Alex's partner
    byid["hannah-becker"].update(
        company="Helix Health", industry="Health technology", domain="helixhealth.example"
    )
    for pid in ("zainab-hussain", "diego-alvarez", "chloe-nguyen", "grace-mwangi", "luca-romano"):
        byid[pid]["role"] = str(rng.choice(["Junior Data Analyst", "Graduate Data Scientist"]))

    members: dict[tuple[str, str], list[str]] = {}
    for p in people:
        members.setdefault((p["circle"], p["group"]), []).append(p["id"])
    ids = [p["id"] for p in people]
    index = {pid: i for i, pid in enumerate(ids)}

    # --- ties among contacts ----------------------------------------------------------------
    tie_set: dict[tuple[str, str], str] = {}

    def tie(a, b, kind):
        if a != b:
            tie_set.setdefault((min(a, b), max(a, b)), kind)

    circle_of = np.array([p["circle"] for p in people])
    group_of = np.array([f"{p['circle']}/{p['group']}" for p in people])
    n = len(people)
    same_group = group_of[:, None] == group_of[None, :]
    same_circle = circle_of[:, None] == circle_of[None, :]
    prob = np.where(same_group, P_GROUP, np.where(same_circle, P_CIRCLE, P_ACROSS))
    draw = rng.random((n, n))
    upper = np.triu(draw < prob, k=1)
    for i, j in zip(*np.nonzero(upper), strict=True):
        kind = CIRCLES[circle_of[i]]["kind"] if circle_of[i] == circle_of[j] else "acquaintance"
        if (
            circle_of[i] == "family-friends"
            and group_of[i].endswith("-family")
            and group_of[i] == group_of[j]
        ):
            kind = "family"
        tie(ids[i], ids[j], kind)
    # Families are complete; in-laws know the Morgans a little.
    for group in ("morgan-family", "okafor-family"):
        family = members[("family-friends", group)]
        for a in family:
            for b in family:
                if a < b:
                    tie_set[(a, b)] = "family"
    for a in ("helen-morgan", "david-morgan", "jess-morgan"):
        for b in ("chinwe-okafor", "emeka-okafor", "sam-okafor"):
            tie_set[(min(a, b), max(a, b))] = "family"
    # Dormant contacts are central in their group: the bridge into it.
    for pid, feature in ((p["id"], p["feature"]) for p in people):
        if feature == "dormant":
            p = byid[pid]
            for other in members[(p["circle"], p["group"])]:
                if rng.random() < 0.85:
                    tie(pid, other, CIRCLES[p["circle"]]["kind"])
    # Brokers span circles.
    for broker, spans in SPANS.items():
        for circle, group, k in spans:
            for other in rng.choice(members[(circle, group)], size=k, replace=False):
                tie(broker, str(other), "acquaintance" if circle != "northwind" else "colleague")

    # --- Alex's ties ------------------------------------------------------------------------
    ego_ties: list[dict] = []  # source, target, kind, since, closeness, profile

    def ego_tie(pid, kind, profile, since, closeness):
        ego_ties.append(
            {
                "target": pid,
                "kind": kind,
                "since": since,
                "closeness": closeness,
                "profile": profile,
            }
        )

    def since_in(lo, hi):
        return _dates(rng, lo, hi, 1)[0]

    # The fixed people: the feature names the interaction profile.
    ask_since = {"mentoring": "2023-03", "northwind": "2023-02", "helix": "2018-03"}
    for p in people:
        pid, circle, feature = p["id"], p["circle"], p["feature"]
        if feature == "family":
            in_law = p["group"] == "okafor-family"
            since = since_in("2014-06-01", "2015-12-31") if in_law else pd.Timestamp("1990-05-14")
            ego_tie(pid, "family", feature, since, round(float(rng.uniform(0.6, 0.95)), 2))
        elif feature == "partner":
            ego_tie(pid, "partner", feature, since_in("2014-06-01", "2014-06-30"), 1.0)
        elif feature == "quiet":
            if circle == "family-friends":
                ego_tie(pid, "friend", feature, since_in("2003-09-01", "2006-06-30"), 0.8)
            else:
                since = since_in("2018-03-01", "2019-12-31")
                closeness = round(float(rng.uniform(0.7, 0.85)), 2)
                ego_tie(pid, "former colleague", feature, since, closeness)
        elif feature == "asks":
            kind = "mentor" if circle == "mentoring" else EGO_KIND[circle]
            month = pd.Period(ask_since[circle], "M")
            since = since_in(str(month.start_time.date()), str(month.end_time.date()))
            ego_tie(pid, kind, feature, since, 0.4)
        elif feature == "gives":
            ego_tie(pid, "mentee", feature, since_in("2023-04-01", "2023-04-30"), 0.45)
        elif feature == "dormant":
            kind = "classmate" if circle == "edinburgh" else "acquaintance"
            since = since_in("2009-01-01", "2012-06-30") if circle == "edinburgh" else pd.NaT
            ego_tie(pid, kind, feature, since, np.nan)
        elif feature == "broker":
            if pid == "priya-shah":  # a former colleague, and a colleague again since 2024
                since = pd.Timestamp("2019-04-01")
                ego_tie(pid, "former colleague;colleague", "team", since, 0.8)
            elif pid == "tomasz-kowalczyk":
                since = since_in("2008-09-01", "2008-12-31")
                ego_tie(pid, "classmate;friend", "school-friend", since, 0.5)
            else:
                kind = "neighbour" if circle == "hackney" else "acquaintance"
                ego_tie(pid, kind, feature, since_in("2021-06-01", "2023-06-30"), np.nan)
    for (circle, group), (k, profile) in REACH.items():
        pool = [pid for pid in members[(circle, group)] if byid[pid]["feature"] is None]
        chosen = pool if k >= len(pool) else list(rng.choice(pool, size=k, replace=False))
        lo, hi = CIRCLES[circle]["since"]
        lo = {"northwind": "2023-02-01", "helix": "2018-03-01"}.get(circle, lo)  # Alex's dates
        for pid in chosen:
            kind = EGO_KIND[circle]
            stated = rng.random() < 0.5
            closeness = {
                "team": (0.5, 0.8),
                "friend": (0.55, 0.9),
                "family": (0.6, 0.95),
                "school-friend": (0.4, 0.7),
            }.get(profile, (0.15, 0.5))
            ego_tie(
                str(pid),
                kind,
                profile,
                since_in(lo, hi) if rng.random() < 0.8 else pd.NaT,
                round(float(rng.uniform(*closeness)), 2) if stated else np.nan,
            )
    # New hires: people with ties among engineers, interactions with Alex only.
    engineers = [
        pid
        for pid in members[("northwind", "engineering")]
        if pid not in {t["target"] for t in ego_ties}
    ]
    new_hires = [str(pid) for pid in sorted(engineers)[:NEW_HIRES]]

    # --- interactions -----------------------------------------------------------------------
    rows: list[tuple] = []

    def events(a, b, segments, p_a, role, channels, dates=None):
        """Append interactions between a and b; `role` from a's point of view."""
        # Each pair keeps to a main channel most of the time.
        main, total = _choice(rng, channels), sum(channels.values())
        channels = {c: 0.25 * w / total + 0.75 * (c == main) for c, w in channels.items()}
        if dates is None:
            dates = []
            for lo, hi, rate in segments:
                months = (pd.Timestamp(hi) - pd.Timestamp(lo)).days / 30.44
                dates += _dates(rng, lo, hi, int(rng.poisson(rate * months)))
        for date in dates:
            a_starts = rng.random() < p_a
            source, target = (a, b) if a_starts else (b, a)
            channel = _choice(rng, channels)
            kind = "meeting" if channel == "meeting" else "message"
            u = rng.random()
            if role == "asks":  # a asks b and never gives; b sometimes gives
                if a_starts and u < 0.6:
                    kind = "ask"
                elif not a_starts and u < 0.4:
                    kind = "give"
            elif role == "gives":  # a gives b and never asks; b asks
                if a_starts and u < 0.75:
                    kind = "give"
                elif not a_starts and u < 0.6:
                    kind = "ask"
            elif u < 0.04:
                kind = "give"
            elif u < 0.08:
                kind = "ask"
            rows.append((source, target, date, channel, kind))

    ego_channels = {
        "partner": {"message": 0.6, "call": 0.3, "meeting": 0.1},
        "family": {"call": 0.5, "message": 0.4, "meeting": 0.1},
    }
    for t in ego_ties:
        pid, profile = t["target"], t["profile"]
        if profile is None:
            continue
        circle = byid[pid]["circle"]
        channels = ego_channels.get(profile, CIRCLES[circle]["channels"])
        if profile == "dormant":
            first = _dates(rng, "2023-02-01", "2024-06-30", 1)[0]
            count = int(rng.integers(2, 5))
            later = [
                first + pd.Timedelta(days=int(d)) for d in np.sort(rng.integers(2, 90, count - 1))
            ]
            later = [d for d in later if d <= pd.Timestamp("2024-09-30")]
            events(EGO, pid, None, 0.5, None, {"meeting": 1.0}, dates=[first])  # met at an event
            events(EGO, pid, None, 0.5, None, {"linkedin": 0.5, "email": 0.5}, dates=later)
        elif profile == "quiet":
            quiet = _dates(rng, "2024-05-01", "2024-11-15", 1)[0]
            segments = [("2023-01-01", "2023-12-31", 3.0), ("2024-01-01", quiet, 1.5)]
            events(EGO, pid, segments, 0.5, None, channels)
            rows.append((pid, EGO, quiet, "message", "message"))  # the last word
        elif profile == "team" and pid == "priya-shah":
            segments = [("2023-01-01", "2024-04-30", 0.8), ("2024-05-01", "2025-12-31", 3.5)]
            events(EGO, pid, segments, 0.5, None, channels)
        else:
            segments, p_ego, role = PROFILES[profile]
            events(EGO, pid, segments, p_ego, role, channels)
    for pid in new_hires:
        segments, p_ego, role = PROFILES["new-hire"]
        events(EGO, pid, segments, p_ego, role, CIRCLES["northwind"]["channels"])
    rows.append(("sam-okafor", EGO, END, "call", "message"))  # today is 2025-12-31

    # Among contacts: a few interactions per tie, more inside a group.
    for (a, b), _kind in sorted(tie_set.items()):
        same = group_of[index[a]] == group_of[index[b]]
        rate = 0.12 if same else 0.04
        channels = CIRCLES[byid[a]["circle"]]["channels"]
        events(a, b, [("2023-01-01", "2025-12-31", rate)], 0.5, None, channels)

    # --- tables -----------------------------------------------------------------------------
    ego_person = {
        "id": EGO,
        "name": "Alex Morgan",
        "email": "alex.morgan@northwind-analytics.example",
        "company": "Northwind Analytics",
        "role": "Lead Data Scientist",
        "industry": "Financial technology",
        "school": "University of Edinburgh",
        "city": "London",
        "tags": "ego",
    }
    table = []
    for p in people:
        first_last = slug(p["name"]).replace("-", ".", 1)
        domain = p["domain"] or "mail.example"
        email = f"{first_last}@{domain}" if rng.random() < 0.9 else ""
        tags = [p["circle"], p["group"]]
        if p["id"] in SPANS:
            tags += [
                c for c in dict.fromkeys(c for c, _g, _k in SPANS[p["id"]]) if c != p["circle"]
            ]
        table.append(
            {
                "id": p["id"],
                "name": p["name"],
                "email": email,
                "company": p["company"],
                "role": p["role"],
                "industry": p["industry"],
                "school": p["school"],
                "city": p["city"],
                "tags": ";".join(tags),
            }
        )
    people_df = pd.DataFrame([ego_person, *table]).sort_values("id", ignore_index=True)

    tie_rows = []
    for (a, b), kind in sorted(tie_set.items()):
        lo, hi = CIRCLES[byid[a]["circle"]]["since"]
        since = since_in(lo, hi) if rng.random() < 0.6 and kind != "family" else pd.NaT
        tie_rows.append((a, b, kind, since, np.nan))
    for t in ego_ties:
        tie_rows.append((EGO, t["target"], t["kind"], t["since"], t["closeness"]))
    ties_df = pd.DataFrame(tie_rows, columns=["source", "target", "kind", "since", "closeness"])
    ties_df["since"] = pd.to_datetime(ties_df["since"]).dt.strftime("%Y-%m-%d")
    ties_df = ties_df.sort_values(["source", "target", "kind"], ignore_index=True)

    log = pd.DataFrame(rows, columns=["source", "target", "date", "channel", "kind"])
    log = log[(log["date"] >= START) & (log["date"] <= END)]
    log["date"] = pd.to_datetime(log["date"]).dt.strftime("%Y-%m-%d")
    log = log.sort_values(["date", "source", "target", "channel", "kind"], ignore_index=True)
    return people_df, ties_df, log


def write_sample(out: Path = OUT, *, seed: int = SEED) -> list[Path]:
    """Write people.csv, ties.csv and interactions.csv into `out`; return the paths."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    people, ties, interactions = make_sample(seed)
    paths = []
    for name, frame in (("people", people), ("ties", ties), ("interactions", interactions)):
        path = out / f"{name}.csv"
        frame.to_csv(path, index=False, lineterminator="\n", encoding="utf-8")
        paths.append(path)
    return paths


def _planted() -> dict[str, list[str]]:
    planted: dict[str, list[str]] = {}
    for name, _circle, _group, _role, feature in FIXED:
        planted.setdefault(feature, []).append(slug(name))
    return {k: planted[k] for k in ("broker", "dormant", "asks", "gives", "quiet")}


#: Planted ids by feature: broker, dormant, asks (Alex asks), gives (Alex gives), quiet.
PLANTED = _planted()


# --- the files a real person has (issue 11 point 7) ----------------------------------------------
#
# The same people and the same three years written as the exports Alex would download: a
# LinkedIn archive folder, a Google Calendar export, a Gmail Takeout mailbox and a Google
# Contacts CSV. Each holds part of the truth, as real exports do: LinkedIn knows the
# professional circles (and an e-mail address for a third of them), the calendar the meetings
# and who sat in them together, the mailbox who was copied with whom, the address book family,
# neighbours, mentoring and close colleagues with phones and labels. Nothing in them says who
# knows whom among the contacts except co-attendance, co-recipients and shared affiliations.

FILES = OUT / "files"
EGO_EMAILS = ("alex.morgan@northwind-analytics.example", "alex@morgan-home.example")
EXPORTED = pd.Timestamp("2025-12-31 18:00")
PROFESSIONAL = ("northwind", "helix", "edinburgh", "london-data", "mentoring")
# Recurring and group events: (title, circle, group or None, first, rule, attendees, until)
SERIES = [
    (
        "Data team weekly",
        "northwind",
        "data-team",
        "2023-02-06 09:30",
        "FREQ=WEEKLY;BYDAY=MO",
        12,
        None,
    ),
    (
        "Product and data sync",
        "northwind",
        "product",
        "2023-02-08 14:00",
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE",
        8,
        None,
    ),
    (
        "Northwind all-hands",
        "northwind",
        None,
        "2023-02-23 16:00",
        "FREQ=MONTHLY;BYDAY=-1TH",
        60,
        None,
    ),
    (
        "DataBridge cohort A",
        "mentoring",
        "cohort-a",
        "2023-04-04 18:00",
        "FREQ=MONTHLY;BYDAY=1TU",
        8,
        "2024-03-31",
    ),
    (
        "DataBridge cohort B",
        "mentoring",
        "cohort-b",
        "2024-04-02 18:00",
        "FREQ=MONTHLY;BYDAY=1TU",
        8,
        "2025-12-31",
    ),
    (
        "London Data Science Meetup",
        "london-data",
        None,
        "2023-01-19 18:30",
        "FREQ=MONTHLY;BYDAY=3TH",
        34,
        None,
    ),
    (
        "Meetup organisers",
        "london-data",
        "organisers",
        "2023-01-10 19:00",
        "FREQ=MONTHLY;BYDAY=2TU",
        6,
        None,
    ),
    (
        "Garden work day",
        "hackney",
        "garden",
        "2023-03-18 10:00",
        "FREQ=MONTHLY;INTERVAL=3;BYDAY=3SA",
        8,
        None,
    ),
    (
        "Sunday lunch in Leeds",
        "family-friends",
        "morgan-family",
        "2023-01-29 13:00",
        "FREQ=MONTHLY;INTERVAL=2;BYDAY=-1SU",
        8,
        None,
    ),
]
ONE_OFF = [  # (title, circle, group, start, attendees)
    ("Helix analytics reunion", "helix", "analytics", "2024-06-14 18:30", 10),
    ("Edinburgh informatics dinner", "edinburgh", "informatics", "2023-11-24 19:00", 9),
    ("Edinburgh alumni drinks", "edinburgh", "society", "2024-11-29 19:00", 8),
    ("Okafor family Christmas", "family-friends", "okafor-family", "2024-12-25 12:00", 5),
]
TITLES = {
    "meeting": ["Catch-up", "Coffee", "1:1", "Lunch", "Quick chat"],
    "give": ["Advice on your plan", "CV review", "Intro call"],
    "ask": ["Could I pick your brain?", "Advice please", "Quick question"],
}


def _contacts(people: pd.DataFrame) -> pd.DataFrame:
    contacts = people[people["id"] != EGO].replace("", np.nan)
    tags = contacts["tags"].fillna("").str.split(";")
    contacts["circle"] = tags.str[0]
    contacts["group"] = tags.str[1]
    return contacts.set_index("id")


def _fold(line: str) -> str:
    """Fold an iCalendar content line at 75 octets (RFC 5545 3.1)."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line
    parts, start, limit = [], 0, 75
    while start < len(data):
        end = min(start + limit, len(data))
        while end < len(data) and (data[end] & 0xC0) == 0x80:  # not inside a character
            end -= 1
        parts.append(data[start:end].decode("utf-8"))
        start, limit = end, 74
    return "\r\n ".join(parts)


def _cn(name: str) -> str:
    return f'"{name}"' if any(c in name for c in ",;:") else name


def _ics_time(when: pd.Timestamp) -> str:
    return when.strftime("%Y%m%dT%H%M%SZ")


def _calendar(contacts, interactions, rng) -> str:
    me = EGO_EMAILS[0]
    emails = contacts["email"].dropna()
    lines = [
        "BEGIN:VCALENDAR",
        "PRODID:-//Google Inc//Google Calendar 70.9054//EN",
        "VERSION:2.0",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{me}",
        "X-WR-TIMEZONE:Europe/London",
    ]

    def event(uid, start, title, organiser, attendees, *, rule=None, until=None, declined=()):
        out = [
            "BEGIN:VEVENT",
            f"DTSTART:{_ics_time(start)}",
            f"DTEND:{_ics_time(start + pd.Timedelta(hours=1))}",
        ]
        if rule:
            out.append(
                f"RRULE:{rule}" + (f";UNTIL={_ics_time(pd.Timestamp(until))}" if until else "")
            )
        out += [f"DTSTAMP:{_ics_time(EXPORTED)}", f"UID:{uid}@google.com"]
        org_name, org_email = organiser
        out.append(f"ORGANIZER;CN={_cn(org_name)}:mailto:{org_email}")
        for name, email in attendees:
            state = "DECLINED" if email in declined else "ACCEPTED"
            out.append(
                f"ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT={state};"
                f"CN={_cn(name)};X-NUM-GUESTS=0:mailto:{email}"
            )
        out += ["SEQUENCE:0", "STATUS:CONFIRMED", f"SUMMARY:{title}", "TRANSP:OPAQUE", "END:VEVENT"]
        lines.extend(out)

    alex = ("Alex Morgan", me)
    # One-to-one meetings with work and mentoring contacts who have an address (seeing family,
    # friends and neighbours is not a calendar invitation): a fortnightly series with each of
    # the data team, single events with the others.
    meetings = interactions[
        (interactions["channel"] == "meeting")
        & ((interactions["source"] == EGO) | (interactions["target"] == EGO))
    ]
    other = meetings["target"].where(meetings["source"] == EGO, meetings["source"])
    work = other.map(contacts["circle"]).isin(PROFESSIONAL) & other.isin(emails.index)
    meetings, other = meetings[work.to_numpy()], other[work.to_numpy()]
    team = other.map(contacts["group"]).eq("data-team") & other.map(contacts["circle"]).eq(
        "northwind"
    )
    for n, (pid, dates) in enumerate(
        pd.Series(meetings["date"][team].to_numpy(), index=other[team]).groupby(level=0)
    ):
        person = (contacts.at[pid, "name"], emails[pid])
        first = pd.Timestamp(min(dates)) + pd.Timedelta(hours=int(rng.integers(9, 17)))
        event(
            f"t{n:03d}{rng.integers(16**6):06x}",
            first,
            "1:1",
            alex,
            [alex, person],
            rule="FREQ=WEEKLY;INTERVAL=2",
            until=max(dates),
        )
    for n, (row, pid) in enumerate(
        zip(meetings[~team].itertuples(index=False), other[~team], strict=True)
    ):
        person = (contacts.at[pid, "name"], emails[pid])
        start = pd.Timestamp(row.date) + pd.Timedelta(hours=int(rng.integers(8, 18)))
        title = str(rng.choice(TITLES.get(row.kind, TITLES["meeting"])))
        organiser = alex if row.source == EGO else person
        event(f"m{n:05d}{rng.integers(16**6):06x}", start, title, organiser, [alex, person])
    # Series and one-off group events.
    for n, (title, circle, group, first, rule, size, until) in enumerate(SERIES):
        pool = contacts[(contacts["circle"] == circle) & contacts["email"].notna()]
        if group is not None:
            pool = pool[pool["group"] == group]
        chosen = sorted(rng.choice(pool.index, size=min(size, len(pool)), replace=False))
        people = [(contacts.at[p, "name"], emails[p]) for p in chosen]
        declined = {email for _, email in people if rng.random() < 0.05}
        organiser = alex if size <= 12 else people[0]
        event(
            f"s{n:02d}{rng.integers(16**8):08x}",
            pd.Timestamp(first),
            title,
            organiser,
            [alex, *people],
            rule=rule,
            until=until,
            declined=declined,
        )
    for n, (title, circle, group, start, size) in enumerate(ONE_OFF):
        pool = contacts[(contacts["circle"] == circle) & (contacts["group"] == group)]
        pool = pool[pool["email"].notna()]
        chosen = sorted(rng.choice(pool.index, size=min(size, len(pool)), replace=False))
        people = [(contacts.at[p, "name"], emails[p]) for p in chosen]
        event(
            f"o{n:02d}{rng.integers(16**8):08x}",
            pd.Timestamp(start),
            title,
            people[0],
            [alex, *people],
        )
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)


def _mailbox(contacts, interactions, rng) -> bytes:
    import email.policy
    from email.headerregistry import Address
    from email.message import EmailMessage
    from email.utils import format_datetime

    policy = email.policy.default.clone(linesep="\n", max_line_length=78)
    emails = contacts["email"].dropna()
    alex = Address("Alex Morgan", addr_spec=EGO_EMAILS[0])
    home = Address("Alex Morgan", addr_spec=EGO_EMAILS[1])
    out = []

    def address(pid):
        return Address(contacts.at[pid, "name"], addr_spec=emails[pid])

    def mail(sender, to, when, *, cc=(), list_id=None):
        msg = EmailMessage(policy=policy)
        msg["From"] = sender
        msg["To"] = to
        if cc:
            msg["Cc"] = cc
        msg["Date"] = format_datetime(when.tz_localize("UTC").to_pydatetime())
        msg["Subject"] = "(synthetic)"
        if list_id:
            msg["List-Id"] = list_id
        msg["X-Gmail-Labels"] = "Inbox"
        msg.set_content("Synthetic message: the sample has no real mail.\n")
        stamp = when.strftime("%a %b %d %H:%M:%S +0000 %Y")
        out.append(f"From {rng.integers(10**17, 9 * 10**17)}@xxx {stamp}\n".encode())
        out.append(msg.as_bytes(policy=policy) + b"\n")

    mails = interactions[
        (interactions["channel"] == "email")
        & ((interactions["source"] == EGO) | (interactions["target"] == EGO))
    ]
    groups = contacts.groupby(["circle", "group"]).groups
    for row in mails.itertuples(index=False):
        other = row.target if row.source == EGO else row.source
        if other not in emails.index:
            continue
        when = pd.Timestamp(row.date) + pd.Timedelta(minutes=int(rng.integers(7 * 60, 22 * 60)))
        me = home if contacts.at[other, "circle"] == "family-friends" else alex
        cc = []
        if rng.random() < 0.3:  # copy one or two of their group
            mates = [
                p
                for p in groups[(contacts.at[other, "circle"], contacts.at[other, "group"])]
                if p != other and p in emails.index
            ]
            if mates:
                k = min(len(mates), int(rng.integers(1, 3)))
                cc = [address(p) for p in sorted(rng.choice(mates, size=k, replace=False))]
        if row.source == EGO:
            mail(me, address(other), when, cc=cc)
        else:
            mail(address(other), me, when, cc=cc)
    # A mailing list (a group, not ties) and mass mail from Northwind.
    runners = [p for p in groups[("hackney", "running-club")] if p in emails.index]
    for when in pd.date_range("2023-01-05", "2025-12-31", freq="14D"):
        sender = runners[int(rng.integers(len(runners)))]
        mail(
            address(sender),
            Address("Hackney Runners", addr_spec="runners@lists.hackney.example"),
            when + pd.Timedelta(hours=19),
            list_id="Hackney Runners <runners.lists.hackney.example>",
        )
    staff = sorted(
        p for p in contacts.index[contacts["circle"] == "northwind"] if p in emails.index
    )
    ceo = Address("Northwind People Team", addr_spec="people@northwind-analytics.example")
    for when in pd.date_range("2023-03-01", "2025-12-01", freq="MS"):
        mail(ceo, [alex, *(address(p) for p in staff)], when + pd.Timedelta(hours=9))
    return b"".join(out)


def _linkedin(contacts, ties, interactions, rng) -> dict[str, list[list[str]]]:
    ego_ties = ties[ties["source"] == EGO].set_index("target")
    connected = [
        p
        for p in contacts.index
        if p in ego_ties.index and contacts.at[p, "circle"] in PROFESSIONAL
    ]
    url = {p: f"https://www.linkedin.com/in/{p}-{rng.integers(16**6):06x}" for p in contacts.index}
    me_url = "https://www.linkedin.com/in/alex-morgan-data"
    connections = []
    for p in sorted(connected, key=lambda p: contacts.at[p, "name"].split()[-1]):
        since = ego_ties.at[p, "since"]
        since = (
            pd.Timestamp(since)
            if isinstance(since, str)
            else pd.Timestamp("2015-01-01") + pd.Timedelta(days=int(rng.integers(0, 3650)))
        )
        first, _, last = contacts.at[p, "name"].partition(" ")
        shared = contacts.at[p, "email"] if rng.random() < 0.35 else ""
        connections.append(
            [
                first,
                last,
                url[p],
                shared if isinstance(shared, str) else "",
                contacts.at[p, "company"] or "",
                contacts.at[p, "role"] or "",
                since.strftime("%d %b %Y"),
            ]
        )
    messages = []
    chat = interactions[
        (interactions["channel"] == "linkedin")
        & ((interactions["source"] == EGO) | (interactions["target"] == EGO))
    ]
    endorsed, received = [], []
    for row in chat.itertuples(index=False):
        other = row.target if row.source == EGO else row.source
        when = pd.Timestamp(row.date) + pd.Timedelta(minutes=int(rng.integers(8 * 60, 23 * 60)))
        if row.kind == "give":  # a give on LinkedIn: an endorsement
            skill = str(
                rng.choice(
                    [
                        "Python",
                        "Machine Learning",
                        "Statistics",
                        "SQL",
                        "Leadership",
                        "Data Analysis",
                    ]
                )
            )
            first, _, last = contacts.at[other, "name"].partition(" ")
            line = [
                when.strftime("%Y/%m/%d %H:%M:%S UTC"),
                skill,
                first,
                last,
                url[other].removeprefix("https://"),
                "ACCEPTED",
            ]
            (endorsed if row.source == EGO else received).append(line)
            continue
        pair = "-".join(sorted([EGO, other]))
        conversation = f"2-{pair}"
        names = {EGO: "Alex Morgan", other: contacts.at[other, "name"]}
        links = {EGO: me_url, other: url[other]}
        a, b = (EGO, other) if row.source == EGO else (other, EGO)
        messages.append(
            [
                conversation,
                "",
                names[a],
                links[a],
                names[b],
                links[b],
                when.strftime("%Y-%m-%d %H:%M:%S UTC"),
                "",
                "(synthetic)",
                "INBOX",
                "",
                "No",
            ]
        )
    for circle, group, day in (
        ("london-data", "organisers", "2024-05-14"),
        ("edinburgh", "informatics", "2023-10-02"),
    ):
        members = sorted(
            contacts.index[(contacts["circle"] == circle) & (contacts["group"] == group)]
        )[:4]
        title = f"{group.replace('-', ' ').title()} chat"
        for k, sender in enumerate([EGO, *members]):
            others = [p for p in [EGO, *members] if p != sender]
            when = pd.Timestamp(day) + pd.Timedelta(hours=9 + k)
            messages.append(
                [
                    f"2-group-{group}",
                    title,
                    "Alex Morgan" if sender == EGO else contacts.at[sender, "name"],
                    me_url if sender == EGO else url[sender],
                    ",".join("Alex Morgan" if p == EGO else contacts.at[p, "name"] for p in others),
                    ",".join(me_url if p == EGO else url[p] for p in others),
                    when.strftime("%Y-%m-%d %H:%M:%S UTC"),
                    "",
                    "(synthetic)",
                    "INBOX",
                    "",
                    "No",
                ]
            )
    messages.sort(key=lambda r: r[6])
    gives = interactions[
        (interactions["kind"] == "give")
        & ((interactions["source"] == EGO) | (interactions["target"] == EGO))
    ]
    for row in gives.itertuples(index=False):  # a quarter of the gives are also endorsements
        other = row.target if row.source == EGO else row.source
        if other not in connected or rng.random() >= 0.25:
            continue
        when = pd.Timestamp(row.date) + pd.Timedelta(minutes=int(rng.integers(8 * 60, 23 * 60)))
        skill = str(
            rng.choice(
                ["Python", "Machine Learning", "Statistics", "SQL", "Leadership", "Data Analysis"]
            )
        )
        first, _, last = contacts.at[other, "name"].partition(" ")
        line = [
            when.strftime("%Y/%m/%d %H:%M:%S UTC"),
            skill,
            first,
            last,
            url[other].removeprefix("https://"),
            "ACCEPTED",
        ]
        (endorsed if row.source == EGO else received).append(line)
    invitations = []
    for row in connections:
        when = pd.Timestamp(row[6])
        if when >= pd.Timestamp("2025-01-01"):
            out = rng.random() < 0.5
            name = f"{row[0]} {row[1]}"
            invitations.append(
                [
                    "Alex Morgan" if out else name,
                    name if out else "Alex Morgan",
                    f"{when.month}/{when.day}/{when:%y}, 9:{int(rng.integers(10, 59))} AM",
                    "",
                    "OUTGOING" if out else "INCOMING",
                    me_url if out else row[2],
                    row[2] if out else me_url,
                ]
            )
    gives, asks = PLANTED["gives"], PLANTED["asks"]
    recommendations_given = [
        [
            *contacts.at[p, "name"].split(" ", 1),
            contacts.at[p, "company"] or "",
            contacts.at[p, "role"],
            "(synthetic)",
            "06/12/24, 10:15 AM",
            "VISIBLE",
        ]
        for p in gives
    ]
    recommendations_received = [
        [
            *contacts.at[p, "name"].split(" ", 1),
            contacts.at[p, "company"] or "",
            contacts.at[p, "role"],
            "(synthetic)",
            "09/30/24, 4:40 PM",
            "VISIBLE",
        ]
        for p in asks[:2]
    ]
    return {
        "Profile.csv": [
            [
                "First Name",
                "Last Name",
                "Maiden Name",
                "Address",
                "Birth Date",
                "Headline",
                "Summary",
                "Industry",
                "Zip Code",
                "Geo Location",
                "Twitter Handles",
                "Websites",
                "Instant Messengers",
            ],
            [
                "Alex",
                "Morgan",
                "",
                "",
                "",
                "Lead Data Scientist at Northwind",
                "",
                "Financial Services",
                "",
                "London, England, United Kingdom",
                "",
                "",
                "",
            ],
        ],
        "Connections.csv": [
            [
                "First Name",
                "Last Name",
                "URL",
                "Email Address",
                "Company",
                "Position",
                "Connected On",
            ],
            *connections,
        ],
        "messages.csv": [
            [
                "CONVERSATION ID",
                "CONVERSATION TITLE",
                "FROM",
                "SENDER PROFILE URL",
                "TO",
                "RECIPIENT PROFILE URLS",
                "DATE",
                "SUBJECT",
                "CONTENT",
                "FOLDER",
                "ATTACHMENTS",
                "IS MESSAGE DRAFT",
            ],
            *messages,
        ],
        "Invitations.csv": [
            [
                "From",
                "To",
                "Sent At",
                "Message",
                "Direction",
                "inviterProfileUrl",
                "inviteeProfileUrl",
            ],
            *invitations,
        ],
        "Recommendations_Given.csv": [
            ["First Name", "Last Name", "Company", "Job Title", "Text", "Creation Date", "Status"],
            *recommendations_given,
        ],
        "Recommendations_Received.csv": [
            ["First Name", "Last Name", "Company", "Job Title", "Text", "Creation Date", "Status"],
            *recommendations_received,
        ],
        "Endorsement_Given_Info.csv": [
            [
                "Endorsement Date",
                "Skill Name",
                "Endorsee First Name",
                "Endorsee Last Name",
                "Endorsee Public Url",
                "Endorsement Status",
            ],
            *endorsed,
        ],
        "Endorsement_Received_Info.csv": [
            [
                "Endorsement Date",
                "Skill Name",
                "Endorser First Name",
                "Endorser Last Name",
                "Endorser Public Url",
                "Endorsement Status",
            ],
            *received,
        ],
    }, url


LABELS = {
    "family-friends": "Family and friends",
    "hackney": "Neighbours",
    "mentoring": "DataBridge",
    "northwind": "Work",
    "helix": "Helix",
    "edinburgh": "Edinburgh",
    "london-data": "Meetup",
}


def _address_book(contacts, ties, url, rng) -> list[list[str]]:
    """Google Contacts CSV: family, friends, neighbours, mentoring and close colleagues."""
    ego_ties = ties[ties["source"] == EGO].set_index("target")
    close = ego_ties.index[ego_ties["closeness"].fillna(0) >= 0.6]
    keep = contacts[
        contacts["circle"].isin(["family-friends", "hackney", "mentoring"])
        | contacts.index.isin(close)
    ]
    header = [
        "First Name",
        "Middle Name",
        "Last Name",
        "Phonetic First Name",
        "Phonetic Middle Name",
        "Phonetic Last Name",
        "Name Prefix",
        "Name Suffix",
        "Nickname",
        "File As",
        "Organization Name",
        "Organization Title",
        "Organization Department",
        "Birthday",
        "Notes",
        "Photo",
        "Labels",
        "E-mail 1 - Label",
        "E-mail 1 - Value",
        "E-mail 2 - Label",
        "E-mail 2 - Value",
        "Phone 1 - Label",
        "Phone 1 - Value",
        "Website 1 - Label",
        "Website 1 - Value",
    ]
    rows = [header]
    for pid in sorted(keep.index, key=lambda p: contacts.at[p, "name"]):
        person = contacts.loc[pid]
        first, _, last = person["name"].partition(" ")
        work = person["email"] if isinstance(person["email"], str) else ""
        personal = f"{slug(person['name']).replace('-', '.')}@mailbox.example"
        label = "Home" if person["circle"] in ("family-friends", "hackney") else "Work"
        if not work:
            e1, e2 = ("Home", personal), ("", "")
        else:  # the address they write from, and for some a second one
            e1, e2 = (label, work), (("Other", personal) if rng.random() < 0.3 else ("", ""))
        digits = f"{rng.integers(900000, 999999)}"
        phone = (
            (f"+44 7700 {digits}" if rng.random() < 0.5 else f"07700 {digits}")
            if (rng.random() < 0.8)
            else ""
        )
        web = url[pid] if person["circle"] in PROFESSIONAL and rng.random() < 0.5 else ""
        labels = " ::: ".join(["* myContacts", LABELS.get(person["circle"], "Other")])
        rows.append(
            [
                first,
                "",
                last,
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                person["company"] if isinstance(person["company"], str) else "",
                person["role"] if isinstance(person["role"], str) else "",
                "",
                "",
                "",
                "",
                labels,
                e1[0],
                e1[1],
                e2[0],
                e2[1],
                "Mobile" if phone else "",
                phone,
                "Profile" if web else "",
                web,
            ]
        )
    return rows


def write_files(out: Path = FILES, *, seed: int = SEED) -> list[Path]:
    """Write the sample as the files Alex would export (see the section's comment)."""
    import csv

    people, ties, interactions = make_sample(seed)
    rng = np.random.default_rng(seed + 1)
    contacts = _contacts(people)
    out = Path(out)
    (out / "linkedin").mkdir(parents=True, exist_ok=True)
    paths = []
    archive, url = _linkedin(contacts, ties, interactions, rng)
    for name, rows in archive.items():
        path = out / "linkedin" / name
        with open(path, "w", newline="", encoding="utf-8") as handle:
            if name == "Connections.csv":
                handle.write(
                    'Notes:\n"When exporting your connection data, you may notice that some of '
                    "the email addresses are missing. You will only see email addresses for "
                    "connections who have allowed their connections to see or download their "
                    'email address."\n\n'
                )
            csv.writer(handle, lineterminator="\n").writerows(rows)
        paths.append(path)
    path = out / "calendar.ics"
    path.write_bytes(_calendar(contacts, interactions, rng).encode("utf-8"))
    paths.append(path)
    path = out / "mail.mbox"
    path.write_bytes(_mailbox(contacts, interactions, rng))
    paths.append(path)
    path = out / "contacts.csv"
    with open(path, "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle, lineterminator="\n").writerows(_address_book(contacts, ties, url, rng))
    paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help=f"output folder (default {OUT})")
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    for path in write_sample(args.out, seed=args.seed):
        print(f"{path}: {path.stat().st_size:,} bytes")
    for path in write_files(args.out / "files", seed=args.seed):
        print(f"{path}: {path.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
