// `govpub notices list|send`: the notice log (SPEC §4.12) for the finance clerk — what was
// queued, sent or failed and how often it was tried — and a send by hand after a mail-server
// outage, without waiting for the next scheduled job.
#include "adapters/cli/commands.hpp"
#include "adapters/cli/context.hpp"

#include "adapters/mail/notice_store.hpp"
#include "adapters/mail/outbox.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Stringifier.h>

#include <iomanip>

namespace govpub::cli {

namespace {

void print_json(std::ostream& out, const std::vector<adapters::mail::NoticeRow>& rows) {
    using Poco::JSON::Array;
    using Poco::JSON::Object;
    Object::Ptr root = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    Array::Ptr all = new Array();
    for (const auto& n : rows) {
        Object::Ptr o = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
        o->set("id", static_cast<Poco::Int64>(n.id));
        o->set("type", n.type);
        o->set("subject", n.subject_key);
        o->set("period", n.period);
        o->set("recipient", n.recipient);
        o->set("email", n.email);
        o->set("title", n.title);
        o->set("status", n.status);
        o->set("attempts", n.attempts);
        o->set("last_error", n.last_error.value_or(""));
        o->set("queued_at", n.queued_at);
        o->set("sent_at", n.sent_at.value_or(""));
        o->set("eml", n.eml_path);
        all->add(o);
    }
    root->set("notices", all);
    Poco::JSON::Stringifier::condense(root, out);
    out << "\n";
}

} // namespace

int command_notices(Context& ctx, const std::vector<std::string>& args) {
    po::options_description options("notices options");
    options.add_options()("what", po::value<std::string>()->required(), "list|send")(
        "status", po::value<std::string>(), "list: only queued, sent or failed notices")(
        "json", "list: print JSON");
    po::positional_options_description positional;
    positional.add("what", 1);
    po::variables_map vm;
    if (!parse_command("notices", args, options, positional, vm, ctx.out,
                       "notices list [--status queued|sent|failed] [--json] | notices send"))
        return EXIT_DONE;
    const std::string what = vm["what"].as<std::string>();
    if (what == "send") {
        adapters::mail::Outbox outbox(ctx.db(), ctx.settings());
        const auto summary = outbox.send_queued();
        ctx.out << summary.message << "\n";
        // A mail server that could not take them is a system failure the clerk should see in
        // the exit status; nothing is lost, the notices wait in the outbox.
        return summary.failed > 0 ? EXIT_INTERNAL : EXIT_DONE;
    }
    if (what != "list")
        throw UsageError("notices: expected list or send, not " + what);
    auto rows = adapters::mail::NoticeStore(ctx.db()).all();
    if (vm.count("status")) {
        const std::string status = vm["status"].as<std::string>();
        if (status != "queued" && status != "sent" && status != "failed")
            throw UsageError("notices list --status: expected queued, sent or failed, not " +
                             status);
        std::erase_if(rows, [&](const auto& n) { return n.status != status; });
    }
    if (vm.count("json")) {
        print_json(ctx.out, rows);
        return EXIT_DONE;
    }
    int waiting = 0;
    for (const auto& n : rows) {
        waiting += n.status != "sent";
        ctx.out << "  " << std::setw(5) << n.id << "  " << std::left << std::setw(7) << n.status
                << std::right << " ×" << n.attempts << "  " << n.type << "  " << n.subject_key
                << " (" << n.period << ") → " << n.email << "\n";
        if (n.status == "failed" && n.last_error)
            ctx.out << "         " << *n.last_error << "\n";
    }
    ctx.out << rows.size() << " notice(s), " << waiting << " not sent yet\n";
    return EXIT_DONE;
}

} // namespace govpub::cli
