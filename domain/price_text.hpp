// Reading NT$ prices as people write them: one strict reader for the cells of uploaded files
// and, on top of it, the classifier for the free-text prices of the public feeds (SPEC §5.2).
#pragma once

#include "domain/money.hpp"
#include "domain/parsed.hpp"

#include <optional>
#include <string_view>

namespace govpub::domain {

//! One whole NT$ amount, the only shape of price this system reads. After NFKC (full-width
//! digits, "ＮＴ＄") and ignoring case and surrounding spaces: an optional currency (新臺幣,
//! 新台幣, 臺幣, 台幣, NT$, NTD, TWD, NT, $), one whole number with thousands commas grouped by
//! three and an optional ".00" tail, and an optional 元 or 元整 — "350", "1,200", "NT$1,200",
//! "新臺幣350元", "350.00". Refused with a reason naming `what` and the text: an empty text,
//! a negative amount, cents ("350.5"), more than 12 digits, anything else ("洽詢", "US$20",
//! "平裝350元；精裝500元"). NT$0 is an amount.
Parsed<Ntd> parse_ntd(std::string_view text, std::string_view what);

//! What a published price text says. Only `amount` carries a number: the others leave the
//! price unknown, so nothing downstream can mistake "非賣品" or "洽詢" for NT$0.
enum class PriceTextKind {
    amount,       //!< whole NT$: "新臺幣350元", "NT$ 350", "350", "定價：480元", "1,200元"
    not_for_sale, //!< "非賣品": distributed, never sold
    free,         //!< "免費", "免費贈閱", "贈閱": given away
    missing,      //!< blank: the feed gave no price
    unreadable,   //!< anything else: "洽詢", "US$20", "平裝350元；精裝500元", "350.5元"
};

struct PriceText {
    PriceTextKind kind = PriceTextKind::missing;
    std::optional<Ntd> amount; //!< present exactly when kind is amount
};

//! Reads one price as the feeds print it: an optional label (定價, 售價, 價格, 單價 with or
//! without a colon), then one of the not-for-sale words or what parse_ntd reads. Anything
//! parse_ntd refuses is unreadable rather than guessed at: a text with two prices or a
//! foreign currency has no single NT$ price.
PriceText parse_price_text(std::string_view text);

//! "amount", "not for sale", "free", "missing", "unreadable": for messages and reports.
std::string_view to_string(PriceTextKind kind);

} // namespace govpub::domain
