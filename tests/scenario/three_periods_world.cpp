// Running govpub through the whole three-period scenario (see three_periods_world.hpp).
#include "tests/scenario/three_periods_world.hpp"

#include "tests/scenario/three_periods_files.hpp"

#include <algorithm>

namespace govpub::test::three_periods {
namespace {

// The settle JSON (SPEC §5.3) in canonical lines. Statement order is kept as printed (checked:
// store then agency); lines are checked to be in GPN order and printed sorted by (gpn, list
// price, rate, late) so that ties within one GPN do not depend on an order the SPEC leaves
// open. Amounts must be JSON integers and `late` a JSON boolean.
const char* const SETTLE_SUMMARY = R"PY(
import json, sys
sys.stdout.reconfigure(encoding="utf-8")
d = json.load(open(sys.argv[1], encoding="utf-8"))
def n(v):
    return str(v) if type(v) is int else "NOT_INT(%r)" % (v,)
out = ["%s %s %s %s %s" % (d["period"], d["from"], d["to"], d["settled_on"], d["status"])]
keys = [(s["store"], s["agency"]) for s in d["statements"]]
if keys != sorted(keys):
    out.append("STATEMENTS NOT SORTED BY STORE, AGENCY")
total = 0
for s in d["statements"]:
    out.append(" ".join([s["store"], s["agency"]] + [n(s[k]) for k in
        ("list_value", "payable", "commission", "carried_in", "amount_due", "carried_out")]
        + [s["due_date"]]))
    total += s["payable"]
    gpns = [l["gpn"] for l in s["lines"]]
    if gpns != sorted(gpns):
        out.append("  LINES NOT SORTED BY GPN")
    for l in sorted(s["lines"], key=lambda l: (l["gpn"], l["list_price"], l["rate_bp"], l["late"])):
        late = {True: "late", False: "-"}.get(l["late"]) if type(l["late"]) is bool else "NOT_BOOL(%r)" % (l["late"],)
        out.append("  " + " ".join([l["gpn"]] + [n(l[k]) for k in
            ("list_price", "rate_bp", "quantity", "list_value")] + [late]))
out.append("total_payable %d" % total)
print("\n".join(out))
)PY";

const char* const IMPORT_SUMMARY = R"PY(
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
print(d["lines"], d["accepted"], d["rejected"], d["warnings"], str(d["already_imported"]).lower())
)PY";

const char* const RECONCILE_SUMMARY = R"PY(
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
print("as_of", d["as_of"])
for r in sorted(d["rows"], key=lambda r: (r["store"], r["gpn"])):
    print(r["store"], r["gpn"], r["consigned"], r["samples"], r["sold"], r["expected_on_hand"],
          "null" if r["reported"] is None else r["reported"], ",".join(sorted(r["flags"])) or "-")
)PY";

// The cover sheet of the settlement workbook: its first sheet, a 機關應得 row with the total in
// the next column (the layout of reports/settlement_workbook.cpp, seen in the demo's file).
const char* const COVER_PROBE = R"PY(
import sys, openpyxl
sys.stdout.reconfigure(encoding="utf-8")
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[0]
print("first_sheet", ws.title)
for row in ws.iter_rows():
    if row[0].value == "機關應得":
        v = row[1].value
        print("payable", type(v).__name__, v)
)PY";

} // namespace

RunResult World::govpub(const std::string& args) {
    auto r = run_govpub("--db " + sh_quote(db_url) + " " + args, dir->path());
    steps.emplace_back(args, r);
    return r;
}

RunResult World::python(const std::string& script, const std::string& args) {
    return run_python(dir->path(), script, args);
}

void World::import_master(const std::string& kind, const std::string& file) {
    require(govpub("import " + kind + " " + file), "import " + kind + " " + file);
}

void World::import_sales(const std::string& name) {
    const SalesFile& f = scenario.files.at(name);
    std::string args = "import sales --json ";
    if (!f.store_option.empty())
        args += "--store " + f.store_option + " ";
    auto r = govpub(args + name);
    require(r, "import sales " + name);
    write_file(path("import.json"), r.out);
    auto s = python("import_summary.py", "import.json");
    require(s, "reading the import summary of " + name);
    import_summary[name] = s.out;
    long long warnings = 0;
    for (const auto& l : f.lines)
        warnings += l.stated_price && *l.stated_price != price_on(pub(l.pub), l.date);
    expected_import_summary[name] = std::to_string(f.lines.size()) + " " +
                                    std::to_string(f.lines.size()) + " 0 " +
                                    std::to_string(warnings) + " false\n";
    reference.imported(f);
}

void World::settle_step(const std::string& label, const PeriodDef& p, const std::string& on,
                        bool dry_run) {
    auto r = govpub("settle --period " + p.name + " --as-of " + on + " --json" +
                    (dry_run ? " --dry-run" : ""));
    settle[label] = r;
    auto statements = reference.settle(p, on, !dry_run);
    reference_statements[label] = statements;
    settle_expected[label] = canonical(p, on, dry_run ? "dry_run" : "closed", statements);
    if (r.status == 0) {
        std::string file = "settle-" + label + ".json";
        std::replace(file.begin(), file.end(), ' ', '-');
        write_file(path(file), r.out);
        auto s = python("settle_summary.py", file);
        settle_canonical[label] = s.status == 0 ? s.out : "python failed: " + s.err;
    }
}

void World::run() {
    dir = std::make_unique<TempDir>();
    scenario = make_scenario();
    InputFiles files(dir->path());
    files.write_scripts();
    write_file(path("settle_summary.py"), SETTLE_SUMMARY);
    write_file(path("import_summary.py"), IMPORT_SUMMARY);
    write_file(path("reconcile_summary.py"), RECONCILE_SUMMARY);
    write_file(path("cover_probe.py"), COVER_PROBE);
    files.write_master_data();
    for (const auto& list : first_consignments())
        files.write_consignment(list);
    files.write_consignment(restock());
    // Files are written in the order of their names; transaction ids are unique anyway.
    for (const auto& [name, f] : scenario.files)
        files.write_sales(f);

    require(govpub("init"), "init");
    import_master("agencies", "agencies.csv");
    import_master("stores", "stores.csv");
    import_master("contracts", "contracts.csv");
    import_master("publications", "publications.csv");
    for (const auto& list : first_consignments())
        import_master("consignment", list.file);

    // ---- 2025H2, settled on Wednesday 2025-12-10 (附件一 註三: in December) ----
    import_sales("sales_T01_2025H2.csv");
    import_sales("sales_T02_2025H2_bom.csv");
    import_sales("sales_T03_2025H2_big5.csv");
    {
        auto again = govpub("import sales --json sales_T01_2025H2.csv"); // same bytes
        write_file(path("again.json"), again.out);
        import_summary["again"] = again.status == 0 ? python("import_summary.py", "again.json").out
                                                    : "status " + std::to_string(again.status);
    }
    settle_step("2025H2 dry run", P2025H2, "2025-12-10", true);
    settle_step("2025H2", P2025H2, "2025-12-10", false);

    // ---- 2026H1, settled on Wednesday 2026-06-10 ----
    import_sales("sales_T01_2026H1.xlsx");
    import_sales("sales_T02_2026H1_nostore.csv");
    import_sales("sales_T03_2026H1_big5.csv");
    // 2026H2 before 2026H1: refused while 2026H1 has unsettled sales (SPEC §4.6).
    settle["2026H2 before 2026H1"] = govpub("settle --period 2026H2 --as-of 2026-12-10 --json");
    // Before the period has ended: refused (SPEC §4.6, --as-of ≥ period end).
    settle["2026H1 too early"] = govpub("settle --period 2026H1 --as-of 2026-05-30 --json");
    settle_step("2026H1", P2026H1, "2026-06-10", false);

    // ---- after the close of 2026H1 ----
    import_sales("sales_T01_2026H1_late.csv");
    import_master("publications", "publications_price_change.csv");
    import_master("consignment", restock().file);
    import_sales("sales_T01_2026H2.csv");
    import_sales("sales_T02_2026H2_bom_zh.csv");
    import_sales("sales_T03_2026H2.csv");

    // ---- 2026H2, settled on Thursday 2026-12-10 ----
    settle_step("2026H2 dry run", P2026H2, "2026-12-10", true);
    settle_step("2026H2 dry run again", P2026H2, "2026-12-10", true);
    settle_step("2026H2", P2026H2, "2026-12-10", false);

    // A closed period again, later and with another date: the stored result.
    settle["2026H1 rerun"] = govpub("settle --period 2026H1 --as-of 2026-06-10 --json");
    settle["2026H1 rerun later"] = govpub("settle --period 2026H1 --as-of 2026-12-31 --json");
    settle["2026H1 rerun today"] = govpub("settle --period 2026H1 --json");

    reconcile = govpub("reconcile --as-of 2026-12-10 --json");
    reconcile_expected = reference_reconciliation(reference, "2026-12-10");
    if (reconcile.status == 0) {
        write_file(path("reconcile.json"), reconcile.out);
        auto s = python("reconcile_summary.py", "reconcile.json");
        reconcile_canonical = s.status == 0 ? s.out : "python failed: " + s.err;
    }

    report = govpub("report settlement --period 2026H1 --out settlement-2026H1.xlsx");
    if (report.status == 0) {
        auto s = python("cover_probe.py", "settlement-2026H1.xlsx");
        cover_probe = s.status == 0 ? s.out : "python failed: " + s.err;
    }
}

} // namespace govpub::test::three_periods
