// `govpub demo`: the shipped example year, run step by step through the same commands.
#include "adapters/cli/commands.hpp"
#include "adapters/cli/context.hpp"

#include "domain/errors.hpp"

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

namespace govpub::cli {

namespace fs = std::filesystem;

namespace {

std::vector<std::string> split_words(const std::string& line) {
    std::vector<std::string> words;
    std::istringstream in(line);
    std::string w;
    while (in >> w)
        words.push_back(w);
    return words;
}

} // namespace

int command_demo(Context& ctx, const std::vector<std::string>& args) {
    po::options_description options("demo options");
    options.add_options()("out", po::value<std::string>()->default_value("out"),
                          "folder for the workbooks, the demo database and its archive");
    po::positional_options_description positional;
    po::variables_map vm;
    if (!parse_command("demo", args, options, positional, vm, ctx.out, "demo [--out DIR]"))
        return 0;
    const fs::path out = fs::absolute(vm["out"].as<std::string>());
    const fs::path demo = adapters::config::shipped_config_dir() / "demo";
    const fs::path steps_file = demo / "steps.txt";
    std::ifstream steps(steps_file);
    if (!steps)
        throw domain::InvalidValue("demo", steps_file.string(), "the demo script is missing");
    fs::create_directories(out);
    // The demo keeps to its own database and archive inside --out, so it never mixes the
    // example agencies into real data; running it again changes nothing (same bytes, closed
    // periods) and prints the same results.
    const std::string db = "sqlite:" + (out / "demo.db").string();
    ::setenv("GOVPUB_DATA_DIR", (out / "data").c_str(), 1);
    ctx.out << "govpub demo: example data from " << demo.string() << "\n"
            << "database " << db << "\n\n";
    int status = run_arguments({"--db", db, "init"});
    std::string line;
    int line_no = 0;
    while (status == 0 && std::getline(steps, line)) {
        ++line_no;
        if (auto hash = line.find('#'); hash != std::string::npos)
            line.erase(hash);
        auto words = split_words(line);
        if (words.empty())
            continue;
        std::vector<std::string> call{"--db", db};
        for (auto& w : words) {
            for (auto at = w.find("{out}"); at != std::string::npos; at = w.find("{out}"))
                w.replace(at, 5, out.string());
            if (!w.empty() && w[0] != '-' && fs::exists(demo / w))
                w = (demo / w).string();
            call.push_back(w);
        }
        ctx.out << "$ govpub";
        for (std::size_t i = 2; i < call.size(); ++i)
            ctx.out << " " << fs::path(call[i]).filename().string();
        ctx.out << std::endl;
        status = run_arguments(call);
        if (status != 0)
            ctx.err << "govpub demo: step " << line_no << " of " << steps_file.string()
                    << " failed with status " << status << "\n";
    }
    ::unsetenv("GOVPUB_DATA_DIR");
    if (status != 0)
        return status;
    ctx.out << "\nDone. The workbooks are in " << out.string() << ":\n";
    for (const auto& entry : fs::directory_iterator(out))
        if (entry.path().extension() == ".xlsx")
            ctx.out << "  " << entry.path().string() << "\n";
    return 0;
}

} // namespace govpub::cli
