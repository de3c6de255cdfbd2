#!/usr/bin/env python3
"""Writes the matching evaluation set: demands.json, profiles.json, grades.csv.

The grades come from the adviser's rules written in README.md (hard requirements, then the
substance rules S1-S6), applied to every (demand, supplier) pair. Nothing here reads or imitates
matching-service's score. Fixed seed: running it again writes the same files.
Needs only the Python standard library and the shipped reference tables.
"""
import csv
import json
import math
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
REFERENCE = os.path.join(HERE, "..", "..", "..", "..", "..", "reference-data", "src", "main", "resources",
                         "fr", "relocmatch", "reference")
ADVISER = "evaluation@cci.example.fr"
rnd = random.Random(2026)


def table(name):
    with open(os.path.join(REFERENCE, name), encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


NAF = {row["code"] for row in table("naf-rev2.csv")}
PROCESSES = {row["code"] for row in table("processes.csv")}
CERTIFICATES = {row["code"] for row in table("certifications.csv") if row["code"] not in ("OFG", "EPV")}
COMMUNES = [c for c in table("communes.csv")
            if c["type"] == "COM" and len(c["region_code"]) == 2 and c["region_code"] not in ("01", "02", "03", "04", "06")
            and int(c["population"]) >= 1500]
BY_CODE = {c["code_insee"]: c for c in table("communes.csv")}


def km(a, b):
    """Great-circle distance, mean Earth radius (as any GIS would)."""
    la1, lo1, la2, lo2 = map(math.radians, (float(a["latitude"]), float(a["longitude"]),
                                            float(b["latitude"]), float(b["longitude"])))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(h))


THEMES = {
    "textile": dict(processes=["WEAVING", "KNITTING", "DYEING_FINISHING", "CUT_AND_SEW", "HOME_TEXTILES", "TECHNICAL_TEXTILES"],
                    certs=["OEKO_TEX_100", "GOTS"], naf=["13.92Z", "13.20Z", "13.30Z", "14.13Z"], sector="TEXTILE",
                    unit="PIECES", volume=(50_000, 600_000), title="Linge et textiles"),
    "pharma": dict(processes=["DRUG_PRODUCT_MANUFACTURING", "API_MANUFACTURING", "STERILE_FILLING", "FORMULATION"],
                   certs=["GMP_BPF", "ISO14644"], naf=["21.20Z", "21.10Z", "20.59Z"], sector="PHARMA",
                   unit="PIECES", volume=(200_000, 5_000_000), title="Médicaments essentiels"),
    "medical": dict(processes=["MEDICAL_DEVICES", "INJECTION_MOULDING", "CNC_MILLING", "STERILE_FILLING"],
                    certs=["ISO13485", "ISO14644"], naf=["32.50A", "22.29A", "26.60Z"], sector="MEDICAL_DEVICES",
                    unit="PIECES", volume=(20_000, 800_000), title="Dispositifs médicaux"),
    "aero": dict(processes=["CNC_MILLING", "CNC_TURNING", "HEAT_TREATMENT", "SURFACE_TREATMENT", "COMPOSITES"],
                 certs=["EN9100", "NADCAP"], naf=["25.62B", "30.30Z", "25.61Z"], sector="AERONAUTICS",
                 unit="PIECES", volume=(2_000, 60_000), title="Pièces aéronautiques"),
    "automotive": dict(processes=["STAMPING", "INJECTION_MOULDING", "WELDING", "CABLE_HARNESS", "RUBBER_MOULDING"],
                       certs=["IATF16949", "ISO14001"], naf=["29.32Z", "25.50B", "22.19Z"], sector="AUTOMOTIVE",
                       unit="PIECES", volume=(100_000, 3_000_000), title="Équipements automobiles"),
    "rail": dict(processes=["WELDING", "SHEET_METAL_CUTTING", "BENDING_FORMING", "PAINTING_COATING",
                            "ELECTROMECHANICAL_ASSEMBLY"],
                 certs=["ISO3834", "EN1090"], naf=["30.20Z", "25.11Z", "25.29Z"], sector="RAIL",
                 unit="PIECES", volume=(500, 20_000), title="Sous-ensembles ferroviaires"),
    "packaging": dict(processes=["PAPER_BOARD_CONVERTING", "PACKAGING", "THERMOFORMING", "PLASTIC_EXTRUSION", "PRINTING"],
                      certs=["FSSC22000", "ISO9001"], naf=["17.21B", "22.22Z", "17.21A"], sector="PACKAGING",
                      unit="PIECES", volume=(1_000_000, 20_000_000), title="Emballages"),
    "food": dict(processes=["FOOD_PROCESSING", "BEVERAGES", "PACKAGING"],
                 certs=["IFS_FOOD", "BRCGS_FOOD", "FSSC22000"], naf=["10.85Z", "10.39A", "11.07B"], sector="AGRIFOOD",
                 unit="TONNES", volume=(200, 6_000), title="Produits alimentaires"),
    "electronics": dict(processes=["PCB_ASSEMBLY", "ELECTRONIC_COMPONENTS", "CABLE_HARNESS", "ELECTRICAL_EQUIPMENT",
                                   "ELECTROMECHANICAL_ASSEMBLY"],
                        certs=["ISO9001", "IATF16949"], naf=["26.12Z", "27.90Z", "26.11Z"], sector="ELECTRONICS",
                        unit="PIECES", volume=(10_000, 500_000), title="Cartes et faisceaux électroniques"),
}
OTHER_SECTORS = ["CONSUMER_GOODS", "MACHINERY", "CONSTRUCTION", "ENERGY", "FURNITURE"]
# home commune of each demand's group, one per région (12 régions)
HOMES = ["76540", "59350", "68224", "69123", "31555", "33063", "44109", "35238", "37261", "25056", "91228", "13055"]
NEIGHBOURS = {"28": "32", "32": "28", "44": "27", "84": "27", "76": "75", "75": "76", "52": "53", "53": "52",
              "24": "52", "27": "84", "11": "24", "93": "84"}
REGIONS_DEMANDS = {4, 10, 16, 22, 28}
NATIONWIDE_DEMANDS = {7, 19, 25}

for theme in THEMES.values():
    assert set(theme["processes"]) <= PROCESSES, theme["processes"]
    assert set(theme["naf"]) <= NAF, theme["naf"]
    assert set(theme["certs"]) <= CERTIFICATES, theme["certs"]

used_sirens = set()


def siren():
    while True:
        value = str(rnd.randint(300_000_000, 899_999_999))
        if value not in used_sirens:
            used_sirens.add(value)
            return value


def siret(of_siren):
    while True:
        body = of_siren + str(rnd.randint(1000, 9999))
        total = 0
        for i, ch in enumerate(reversed(body + "0")):
            d = int(ch) * (2 if i % 2 else 1)
            total += d - 9 if d > 9 else d
        check = (10 - total % 10) % 10
        candidate = body + str(check)
        if candidate not in used_sirets:
            used_sirets.add(candidate)
            return candidate


used_sirets = set()


def commune_near(home, low, high, regions=None, exclude_regions=None):
    """A commune between low and high km of home, optionally in (or out of) some régions."""
    for widen in range(0, 200, 10):
        found = [c for c in COMMUNES
                 if (regions is None or c["region_code"] in regions)
                 and (exclude_regions is None or c["region_code"] not in exclude_regions)
                 and max(0, low - widen) <= km(home, c) <= high + widen]
        if found:
            return rnd.choice(found)
    raise SystemExit(f"no commune {low}-{high} km from {home['name']}")


# ---------------------------------------------------------------- demands

demands = []
for i in range(30):
    name = list(THEMES)[i % len(THEMES)]
    theme = THEMES[name]
    home = BY_CODE[HOMES[i % len(HOMES)]]
    required = rnd.sample(theme["processes"], 1 + i % 2)
    others = [p for p in theme["processes"] if p not in required]
    preferred = rnd.sample(others, min(len(others), rnd.choice([0, 1, 2])))
    certs = rnd.sample(theme["certs"], 2 if i % 4 == 0 else 1)
    sector = None if i % 5 == 0 else theme["sector"]
    target = None if i % 3 == 0 else (theme["naf"][0][:2] if i % 2 else theme["naf"][0][:5])
    low, high = theme["volume"]
    volume = int(round(rnd.uniform(low, high), -2 if high > 10_000 else 0))
    minimum = 10 if i % 10 == 3 else None
    if i in REGIONS_DEMANDS:
        allowed = sorted({home["region_code"], NEIGHBOURS[home["region_code"]]})
        location = {"mode": "REGIONS", "regions": allowed, "communeCode": home["code_insee"]}
    elif i in NATIONWIDE_DEMANDS:
        location = {"mode": "NATIONWIDE", "communeCode": home["code_insee"]}
    else:
        location = {"mode": "RADIUS", "communeCode": home["code_insee"], "maxDistanceKm": rnd.choice([60, 80, 100, 120, 150])}
    group_siren = siren()
    group = {
        "kind": "GROUP", "siret": siret(group_siren), "name": f"Groupe {theme['title']} {i + 1:02d}",
        "nafCode": rnd.choice(["46.69B", "46.41Z", "46.46Z", "47.11F", "29.10Z", "30.30Z"]), "processes": [],
        "site": {"communeCode": home["code_insee"]}, "adviserEmail": ADVISER, "matchingConsent": True,
    }
    volume_body = {"quantity": volume, "unit": theme["unit"]}
    if minimum is not None:
        volume_body["minimumCoveragePercent"] = minimum
    body = {
        "title": f"{theme['title']} — demande {i + 1:02d}",
        "buyerSiret": group["siret"],
        "requiredProcesses": required, "preferredProcesses": preferred,
        "targetNafCodes": [target] if target else [],
        "requiredCertifications": certs,
        "annualVolume": volume_body,
        "sector": sector, "location": location, "adviserEmail": ADVISER,
        "confidential": i % 3 == 2,
    }
    demands.append({"key": f"D{i + 1:02d}", "theme": name, "group": group, "groupSiren": group_siren,
                    "startInDays": rnd.randint(90, 270), "body": body, "home": home["code_insee"]})


# ---------------------------------------------------------------- profiles built for each demand

def site_for(demand, want):
    """A commune for a profile of this demand: near / mid / far / outside, by the demand's mode."""
    home = BY_CODE[demand["home"]]
    loc = demand["body"]["location"]
    if loc["mode"] == "RADIUS":
        r = loc["maxDistanceKm"]
        band = {"near": (2, 0.3 * r), "mid": (0.3 * r, 0.45 * r), "far": (0.6 * r, 0.9 * r),
                "outside": (r + 8, r + 25)}[want]
        return commune_near(home, *band)
    if loc["mode"] == "REGIONS":
        allowed = set(loc["regions"])
        if want == "outside":
            return commune_near(home, 30, 150, exclude_regions=allowed)
        band = {"near": (2, 80), "mid": (60, 180), "far": (230, 450)}[want]
        return commune_near(home, *band, regions=allowed)
    band = {"near": (2, 80), "mid": (60, 180), "far": (300, 700), "outside": (2, 80)}[want]
    return commune_near(home, *band)


def build(demand, role, *, processes=None, drop_process=False, coverage=(1.5, 3.0), where="near",
          cert_until=(400, 1000), expired=False, sector_ok=True, preferred_ok=True, naf_ok=True,
          labels=None, consent=True, status="ACTIVE", own_plant=False):
    theme = THEMES[demand["theme"]]
    body = demand["body"]
    start = demand["startInDays"]
    procs = list(body["requiredProcesses"])
    if drop_process:
        procs = procs[1:]
        siblings = [p for p in theme["processes"] if p not in body["requiredProcesses"]]
        procs += rnd.sample(siblings, min(2, len(siblings)))
    if preferred_ok:
        procs += body["preferredProcesses"]
    procs += rnd.sample(theme["processes"], 1)
    if drop_process:
        procs = [p for p in procs if p != body["requiredProcesses"][0]]
    procs = sorted(set(procs))
    certificates = []
    for n, code in enumerate(body["requiredCertifications"]):
        until = start - 20 if expired and n == 0 else start + rnd.randint(*cert_until)
        certificates.append({"code": code, "validUntilInDays": until})
    if rnd.random() < 0.5:
        certificates.append({"code": "ISO9001" if "ISO9001" not in body["requiredCertifications"] else "ISO14001",
                             "validUntilInDays": start + rnd.randint(200, 1200)})
    target = body["targetNafCodes"][0] if body["targetNafCodes"] else None
    in_division = [n for n in theme["naf"] if target is None or n[:2] == target[:2]]
    out_division = [n for n in theme["naf"] + ["33.20A", "28.99B", "32.99Z"] if target and n[:2] != target[:2]]
    naf = rnd.choice(in_division if naf_ok or not out_division else out_division)
    volume = body["annualVolume"]["quantity"]
    available = rnd.choice([20, 30, 40, 50, 60, 80])
    quantity = max(1, round(volume * rnd.uniform(*coverage) * 100 / available))
    sectors = [theme["sector"]] if sector_ok else [rnd.choice(OTHER_SECTORS)]
    commune = site_for(demand, where)
    siren_value = demand["groupSiren"] if own_plant else siren()
    profile = {
        "kind": "ETI" if own_plant else rnd.choice(["SME", "SME", "SME", "ETI"]),
        "siret": siret(siren_value),
        "name": f"{commune['name']} {theme['title'].split()[0]} {demand['key']}-{role}",
        "nafCode": naf, "processes": procs, "certifications": certificates, "sectors": sectors,
        "labels": labels if labels is not None else (["OFG"] if rnd.random() < 0.2 else []),
        "headcount": rnd.randint(12, 400),
        "capacity": {"annualQuantity": quantity, "unit": theme["unit"], "availablePercent": available},
        "site": {"communeCode": commune["code_insee"]},
        "adviserEmail": ADVISER, "matchingConsent": consent, "status": status,
    }
    return {"key": f"{demand['key']}-{role}", "builtFor": demand["key"], "role": role, "body": profile}


profiles = []
for demand in demands:
    body = demand["body"]
    has = {"S3": body["location"]["mode"] != "NATIONWIDE" or True, "S4": body["sector"] is not None,
           "S5": bool(body["preferredProcesses"]), "S6": bool(body["targetNafCodes"])}
    one_missing = rnd.choice(["S1", "S3"] + [s for s in ("S4", "S5", "S6") if has[s]])
    built = [
        build(demand, "g3-near"),
        build(demand, "g3-large", coverage=(6, 15), labels=[]),
        build(demand, "g3-mid", coverage=(1.1, 2.0), where="mid"),
        build(demand, "g2-renewal", cert_until=(60, 300)),
        build(demand, "g2-" + one_missing.lower(),
              coverage=(0.55, 0.9) if one_missing == "S1" else (1.5, 3.0),
              where="far" if one_missing == "S3" else "near",
              sector_ok=one_missing != "S4", preferred_ok=one_missing != "S5", naf_ok=one_missing != "S6"),
        build(demand, "g1-decoy", coverage=(0.15, 0.4), where="far", sector_ok=False, labels=["OFG", "EPV"]),
        build(demand, "n-expired", expired=True, labels=["OFG"]),
        build(demand, "n-own-plant", own_plant=True, labels=["OFG"]),
        build(demand, "n-outside", where="outside", drop_process=body["location"]["mode"] == "NATIONWIDE"),
        build(demand, "n-no-consent", consent=False),
        build(demand, "n-inactive", status="INACTIVE", labels=["EPV"]),
        build(demand, "n-hopeless", coverage=(0.005, 0.03), labels=["OFG"]),
        build(demand, "n-look-alike", drop_process=True),
    ]
    profiles += built


# ---------------------------------------------------------------- the adviser's rules, applied to every pair

def grade(demand, profile):
    """(grade, reason) by the rules of README.md."""
    d, p = demand["body"], profile["body"]
    start = demand["startInDays"]
    if p["status"] != "ACTIVE" or p["kind"] not in ("SME", "ETI") or not p["matchingConsent"]:
        return 0, "H1 inactive, a group or no consent"
    if p["siret"][:9] == demand["groupSiren"]:
        return 0, "H2 an establishment of the buyer"
    if not set(d["requiredProcesses"]) <= set(p["processes"]):
        return 0, "H3 lacks " + ",".join(sorted(set(d["requiredProcesses"]) - set(p["processes"])))
    held = {c["code"]: c["validUntilInDays"] for c in p["certifications"]}
    for code in d["requiredCertifications"]:
        if held.get(code, -1) < start:
            return 0, f"H4 {code} not valid at the start"
    home = BY_CODE[demand["home"]]
    site = BY_CODE[p["site"]["communeCode"]]
    distance = km(home, site)
    loc = d["location"]
    if loc["mode"] == "RADIUS" and distance > loc["maxDistanceKm"]:
        return 0, f"H5 {distance:.0f} km, radius {loc['maxDistanceKm']}"
    if loc["mode"] == "REGIONS" and site["region_code"] not in loc["regions"]:
        return 0, f"H5 région {site['region_code']} not allowed"
    volume = d["annualVolume"]
    free = p["capacity"]["annualQuantity"] * p["capacity"]["availablePercent"] / 100
    comparable = p["capacity"]["unit"] == volume["unit"]
    coverage = free / volume["quantity"] if comparable else None
    minimum = volume.get("minimumCoveragePercent", 5) / 100
    if comparable and coverage < minimum:
        return 0, f"H6 covers {coverage:.1%} of the volume"
    missing = []
    if coverage is None or coverage < 1:
        missing.append("S1")
    if any(held[code] < start + 365 for code in d["requiredCertifications"]):
        missing.append("S2")
    if loc["mode"] == "RADIUS":
        close = distance <= loc["maxDistanceKm"] / 2
    else:
        close = "communeCode" not in loc or distance <= 200
    if not close:
        missing.append("S3")
    if d["sector"] and d["sector"] not in p["sectors"]:
        missing.append("S4")
    if d["preferredProcesses"] and 2 * len(set(d["preferredProcesses"]) & set(p["processes"])) < len(d["preferredProcesses"]):
        missing.append("S5")
    if d["targetNafCodes"] and p["nafCode"][:2] != d["targetNafCodes"][0][:2]:
        missing.append("S6")
    if not missing:
        return 3, "S1-S6 met"
    if coverage is not None and coverage >= 0.5 and len(missing) == 1:
        return 2, "missing " + missing[0]
    return 1, "missing " + ",".join(missing) + ("" if coverage is None else f"; covers {coverage:.0%}")


rows = []
for demand in demands:
    for profile in profiles:
        g, reason = grade(demand, profile)
        if g > 0 or profile["builtFor"] == demand["key"]:
            rows.append((demand["key"], profile["key"], g, reason))

with open(os.path.join(HERE, "demands.json"), "w", encoding="utf-8") as f:
    json.dump([{k: v for k, v in d.items() if k != "home"} for d in demands], f, ensure_ascii=False, indent=1)
    f.write("\n")
with open(os.path.join(HERE, "profiles.json"), "w", encoding="utf-8") as f:
    json.dump(profiles, f, ensure_ascii=False, indent=1)
    f.write("\n")
with open(os.path.join(HERE, "grades.csv"), "w", encoding="utf-8", newline="") as f:
    out = csv.writer(f, lineterminator="\n")
    out.writerow(["demand", "profile", "grade", "reason"])
    out.writerows(rows)

regions = {BY_CODE[p["body"]["site"]["communeCode"]]["region_code"] for p in profiles}
print(f"{len(demands)} demands, {len(profiles)} supplier profiles + {len(demands)} groups, {len(regions)} régions, "
      f"{sum(1 for r in rows if r[2] > 0)} graded pairs "
      f"(3: {sum(1 for r in rows if r[2] == 3)}, 2: {sum(1 for r in rows if r[2] == 2)}, 1: {sum(1 for r in rows if r[2] == 1)})")
