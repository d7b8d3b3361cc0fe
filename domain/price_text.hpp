// Reading the free-text prices of the public catalogue feeds: "新臺幣350元", "非賣品" (SPEC §5.2).
#pragma once

#include "domain/money.hpp"

#include <optional>
#include <string_view>

namespace govpub::domain {

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

//! Reads one price as the feeds print it. After NFKC (full-width digits and colons), an
//! optional label (定價, 售價, 價格, 單價 with or without a colon), an optional currency
//! (新臺幣, 新台幣, 臺幣, 台幣, NT$, NTD, TWD, NT, $) and an optional 元 or 元整 may surround
//! one whole number, with thousands commas and a ".00" tail allowed. Anything that is not
//! exactly that, or one of the not-for-sale words, is unreadable rather than guessed at: a
//! text with two prices or a foreign currency has no single NT$ price.
PriceText parse_price_text(std::string_view text);

//! "amount", "not for sale", "free", "missing", "unreadable": for messages and reports.
std::string_view to_string(PriceTextKind kind);

} // namespace govpub::domain
