"""Checks the properties SARIF 2.1.0 requires of what typeslab writes:
sarifLog.version and runs; run.tool.driver.name; result.message with text or
id; ruleId naming a declared rule, ruleIndex pointing at it; physical
locations with an artifactLocation and positive 1-based regions."""
import json
import sys

def fail(msg):
    print("sarif: " + msg)
    sys.exit(1)

log = json.load(open(sys.argv[1]))
if log.get("version") != "2.1.0":
    fail("version must be '2.1.0'")
if not isinstance(log.get("runs"), list) or not log["runs"]:
    fail("runs must be a non-empty array")
n = 0
for run in log["runs"]:
    driver = run.get("tool", {}).get("driver", {})
    if not isinstance(driver.get("name"), str) or not driver["name"]:
        fail("run.tool.driver.name is required")
    rules = driver.get("rules", [])
    ids = [r.get("id") for r in rules]
    if any(not isinstance(i, str) for i in ids) or len(set(ids)) != len(ids):
        fail("every rule needs a unique string id")
    for res in run.get("results", []):
        n += 1
        msg = res.get("message", {})
        if not isinstance(msg.get("text"), str) and not isinstance(msg.get("id"), str):
            fail("result.message needs text or id")
        if res.get("ruleId") not in ids:
            fail("ruleId %r is not a declared rule" % res.get("ruleId"))
        if "ruleIndex" in res and ids[res["ruleIndex"]] != res["ruleId"]:
            fail("ruleIndex does not point at ruleId")
        if res.get("level", "warning") not in ("none", "note", "warning", "error"):
            fail("bad level")
        for loc in res.get("locations", []):
            phys = loc.get("physicalLocation")
            if not phys or not isinstance(phys.get("artifactLocation", {}).get("uri"), str):
                fail("physicalLocation.artifactLocation.uri is required")
            for k, v in phys.get("region", {}).items():
                if k in ("startLine", "startColumn", "endLine", "endColumn") and (
                        not isinstance(v, int) or v < 1):
                    fail("region.%s must be a positive integer" % k)
print("sarif ok: %d results" % n)
