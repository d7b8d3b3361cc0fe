// Writes a deterministic benchmark data set: masters, consignment lists and N sales lines.
//
//   generate_sales OUT_DIR [LINES=1000000] [SEED=1]
//
// OUT_DIR receives agencies.csv (50), stores.csv (10), publications.csv (5,000, valid GPNs,
// ISBN-13 check digits and, for serials, ISSN check digits), consignment.csv (one list per
// (agency, store), supplied before 2025-12-01, quantities covering every copy sold) and
// sales_S01.csv … sales_S10.csv (one file per store, as SPEC §4.5 wants; LINES lines in
// all, dated 2025-12-01 … 2026-05-31, i.e. period 2026H1, SPEC §5.2 with English headers,
// about 3 % customer returns, txn ids unique per store). The same
// arguments give the same bytes on every platform: the generator has its own PRNG
// (xoshiro256**) and no std:: distributions, whose output differs between libraries.
// Only the standard library is used. The sales are generated twice with the same seed:
// pass 1 counts what each store sells (to size the consignments), pass 2 writes, so
// memory stays small whatever LINES is.

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <iostream>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace {

constexpr int AGENCY_COUNT = 50;
constexpr int STORE_COUNT = 10;
constexpr int PUBLICATION_COUNT = 5000;
constexpr int PUBS_PER_AGENCY = PUBLICATION_COUNT / AGENCY_COUNT;
constexpr int RETURN_RING = 256;
constexpr double RETURN_SHARE = 0.03;

// ---------------------------------------------------------------------------------------
// Random numbers: splitmix64 seeding xoshiro256** (public-domain reference algorithms).

class Rng {
public:
    explicit Rng(std::uint64_t seed) {
        for (auto& word : state_) {
            seed += 0x9e3779b97f4a7c15ULL;
            std::uint64_t z = seed;
            z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
            z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
            word = z ^ (z >> 31);
        }
    }

    std::uint64_t next() {
        const std::uint64_t result = rotl(state_[1] * 5, 7) * 9;
        const std::uint64_t t = state_[1] << 17;
        state_[2] ^= state_[0];
        state_[3] ^= state_[1];
        state_[1] ^= state_[2];
        state_[0] ^= state_[3];
        state_[2] ^= t;
        state_[3] = rotl(state_[3], 45);
        return result;
    }

    //! Uniform in [0, n) for n < 2^32 (multiply-shift on the high 32 bits).
    std::uint32_t below(std::uint32_t n) {
        return static_cast<std::uint32_t>(((next() >> 32) * n) >> 32);
    }

    //! Uniform in [0, 1).
    double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    std::array<std::uint64_t, 4> state_{};
};

// ---------------------------------------------------------------------------------------
// Dates as days since 1970-01-01, through <chrono>'s civil calendar.

int day_number(int y, unsigned m, unsigned d) {
    using namespace std::chrono;
    return static_cast<int>(
        sys_days{year{y} / month{m} / day{d}}.time_since_epoch().count());
}

struct Civil {
    int year;
    unsigned month;
    unsigned day;
};

Civil civil(int days) {
    using namespace std::chrono;
    const year_month_day ymd{sys_days{std::chrono::days{days}}};
    return {static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
            static_cast<unsigned>(ymd.day())};
}

void append_padded(std::string& out, std::uint64_t value, int width) {
    char buf[24];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
    (void)ec;
    for (int pad = width - static_cast<int>(end - buf); pad > 0; --pad) {
        out.push_back('0');
    }
    out.append(buf, end);
}

std::string iso_date(int days) {
    const Civil c = civil(days);
    std::string s;
    append_padded(s, static_cast<std::uint64_t>(c.year), 4);
    s.push_back('-');
    append_padded(s, c.month, 2);
    s.push_back('-');
    append_padded(s, c.day, 2);
    return s;
}

std::string compact_date(int days) {
    const Civil c = civil(days);
    std::string s;
    append_padded(s, static_cast<std::uint64_t>(c.year), 4);
    append_padded(s, c.month, 2);
    append_padded(s, c.day, 2);
    return s;
}

// ---------------------------------------------------------------------------------------
// Identifiers (SPEC §3).

char isbn13_check(std::string_view first12) {
    int sum = 0;
    for (std::size_t i = 0; i < 12; ++i) {
        sum += (first12[i] - '0') * (i % 2 == 0 ? 1 : 3);
    }
    return static_cast<char>('0' + (10 - sum % 10) % 10);
}

char issn_check(std::string_view first7) {
    int sum = 0;
    for (std::size_t i = 0; i < 7; ++i) {
        sum += (first7[i] - '0') * (8 - static_cast<int>(i));
    }
    const int r = (11 - sum % 11) % 11;
    return r == 10 ? 'X' : static_cast<char>('0' + r);
}

// ---------------------------------------------------------------------------------------
// Buffered CSV output.

class Output {
public:
    explicit Output(const std::filesystem::path& path) : path_(path) {
        file_ = std::fopen(path.string().c_str(), "wb");
        if (file_ == nullptr) {
            throw std::runtime_error("cannot write " + path.string());
        }
        buffer_.reserve(CHUNK + 4096);
    }
    Output(const Output&) = delete;
    Output& operator=(const Output&) = delete;
    ~Output() {
        if (file_ != nullptr) {
            std::fclose(file_);
        }
    }

    Output& put(std::string_view text) {
        buffer_.append(text);
        return *this;
    }
    Output& put(char c) {
        buffer_.push_back(c);
        return *this;
    }
    Output& num(std::int64_t value) {
        // Digits go straight into the buffer (appending from a local array trips GCC 12's
        // false -Wrestrict warning, PR 105651).
        const std::size_t old_size = buffer_.size();
        buffer_.resize(old_size + 24);
        const auto [end, ec] =
            std::to_chars(buffer_.data() + old_size, buffer_.data() + buffer_.size(), value);
        (void)ec;
        buffer_.resize(static_cast<std::size_t>(end - buffer_.data()));
        return *this;
    }
    void end_line() {
        buffer_.push_back('\n');
        if (buffer_.size() >= CHUNK) {
            flush();
        }
    }
    void close() {
        flush();
        if (std::fclose(file_) != 0) {
            file_ = nullptr;
            throw std::runtime_error("cannot close " + path_.string());
        }
        file_ = nullptr;
    }

private:
    static constexpr std::size_t CHUNK = 1 << 20;
    void flush() {
        if (!buffer_.empty() &&
            std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size()) {
            throw std::runtime_error("write failed: " + path_.string());
        }
        buffer_.clear();
    }
    std::filesystem::path path_;
    std::FILE* file_ = nullptr;
    std::string buffer_;
};

// ---------------------------------------------------------------------------------------
// Master data.

constexpr std::array<std::string_view, AGENCY_COUNT> AGENCY_NAMES = {
    "文化部", "國家發展委員會", "內政部", "國史館", "國立故宮博物院",
    "農業部", "國立臺灣文學館", "交通部觀光署", "教育部", "經濟部",
    "財政部", "外交部", "國防部", "法務部", "勞動部",
    "衛生福利部", "環境部", "數位發展部", "國家科學及技術委員會", "海洋委員會",
    "僑務委員會", "原住民族委員會", "客家委員會", "行政院主計總處", "行政院人事行政總處",
    "國家圖書館", "國立自然科學博物館", "國立臺灣博物館", "國立臺灣美術館", "國立歷史博物館",
    "國立臺灣史前文化博物館", "國立海洋科技博物館", "國立科學工藝博物館", "國立臺灣工藝研究發展中心",
    "國立公共資訊圖書館", "國家教育研究院", "國立臺灣圖書館", "文化部文化資產局",
    "交通部中央氣象署", "內政部國土管理署", "內政部國家公園署", "農業部林業及自然保育署",
    "衛生福利部國民健康署", "經濟部水利署", "交通部公路局", "國家發展委員會檔案管理局",
    "國立臺灣交響樂團", "國立傳統藝術中心", "國立國父紀念館", "國立中正紀念堂管理處",
};

constexpr std::array<std::string_view, STORE_COUNT> STORE_NAMES = {
    "國家書店松江門市", "五南文化廣場台中總店", "五南文化廣場台大店", "五南文化廣場逢甲店",
    "五南文化廣場嶺東店", "五南文化廣場高雄店", "五南文化廣場屏東店", "國家網路書店",
    "政府出版品展售門市臺南店", "政府出版品展售門市花蓮店",
};
constexpr std::array<std::string_view, STORE_COUNT> STORE_CITIES = {
    "104臺北市中山區松江路", "400臺中市中區中山路", "100臺北市中正區羅斯福路四段",
    "407臺中市西屯區文華路", "408臺中市南屯區嶺東路", "802高雄市苓雅區中正一路",
    "900屏東縣屏東市民生路", "104臺北市中山區松江路", "700臺南市中西區中正路",
    "970花蓮縣花蓮市中山路",
};
// Relative share of the sales lines per store (the two flagships sell most).
constexpr std::array<double, STORE_COUNT> STORE_WEIGHTS = {3.0, 2.5, 1.0, 1.0, 0.8,
                                                           1.2, 0.6, 1.5, 0.8, 0.5};

constexpr std::array<std::string_view, 20> SURNAMES = {
    "陳", "林", "黃", "張", "李", "王", "吳", "劉", "蔡", "楊",
    "許", "鄭", "謝", "郭", "洪", "曾", "邱", "廖", "賴", "周"};
constexpr std::array<std::string_view, 16> GIVEN_NAMES = {
    "怡君", "志明", "雅婷", "建華", "淑芬", "冠廷", "佩珊", "家豪",
    "美玲", "俊傑", "欣怡", "宗翰", "秀英", "承恩", "惠文", "柏宇"};
constexpr std::array<std::string_view, 24> TOPICS = {
    "臺灣文化", "國土規劃", "農業發展", "海洋資源", "原住民族語言", "客家文化",
    "近代史料", "博物館典藏", "氣候變遷", "公共衛生", "數位治理", "教育統計",
    "地方創生", "觀光產業", "工藝美學", "文學研究", "自然生態", "交通建設",
    "經濟統計", "國際關係", "人口推估", "水資源", "森林保育", "音樂藝術"};
constexpr std::array<std::string_view, 12> FORMS = {
    "白皮書", "年報", "研究報告", "圖錄", "史料彙編", "專刊",
    "統計年報", "調查報告", "導覽手冊", "論文集", "法令彙編", "圖鑑"};
constexpr std::array<std::string_view, 3> ISBN_GROUPS = {"986", "626", "957"};

enum class Kind { book, serial, non_book, electronic, pamphlet };

std::string_view kind_code(Kind kind) {
    switch (kind) {
    case Kind::book: return "book";
    case Kind::serial: return "serial";
    case Kind::non_book: return "non_book";
    case Kind::electronic: return "electronic";
    case Kind::pamphlet: return "pamphlet";
    }
    return "book";
}

struct Publication {
    int agency = 0;
    Kind kind = Kind::book;
    std::string gpn;
    std::string isbn;  // ISBN-13 digits, empty for serials
    std::string issn;  // NNNN-NNNC for serials
    std::string title;
    int list_price = 0;
    int pub_date = 0;
};

std::string agency_code(int a) {
    std::string s = "A";
    append_padded(s, static_cast<std::uint64_t>(a + 1), 3);
    return s;
}

std::string store_code(int s) {
    std::string code = "S";
    append_padded(code, static_cast<std::uint64_t>(s + 1), 2);
    return code;
}

std::vector<Publication> make_publications(Rng& rng) {
    const int first = day_number(2023, 1, 1);
    const int last = day_number(2025, 8, 31);
    std::vector<Publication> pubs(PUBLICATION_COUNT);
    // Running numbers per (type digit, ROC year), starting at a plausible offset.
    std::array<std::array<int, 200>, 3> running{};
    for (auto& per_type : running) {
        per_type.fill(100);
    }
    for (int p = 0; p < PUBLICATION_COUNT; ++p) {
        Publication& pub = pubs[static_cast<std::size_t>(p)];
        const int a = p / PUBS_PER_AGENCY;
        const int index = p % PUBS_PER_AGENCY;
        pub.agency = a;
        const int slot = index % 25;
        pub.kind = slot == 0   ? Kind::serial
                   : slot == 1 ? Kind::non_book
                   : slot == 2 ? Kind::electronic
                   : slot == 3 ? Kind::pamphlet
                               : Kind::book;
        pub.pub_date = first + static_cast<int>(rng.below(static_cast<std::uint32_t>(last - first + 1)));
        const int roc_year = civil(pub.pub_date).year - 1911;
        const int type_digit = pub.kind == Kind::serial ? 2 : 1;
        int& next_running = running[static_cast<std::size_t>(type_digit)][static_cast<std::size_t>(roc_year)];
        next_running += 1 + static_cast<int>(rng.below(7));
        pub.gpn.push_back(static_cast<char>('0' + type_digit));
        append_padded(pub.gpn, static_cast<std::uint64_t>(roc_year), 4);
        append_padded(pub.gpn, static_cast<std::uint64_t>(next_running), 5);

        const std::string_view topic = TOPICS[rng.below(TOPICS.size())];
        if (pub.kind == Kind::serial) {
            std::string body = "2";
            append_padded(body, static_cast<std::uint64_t>(100000 + p), 6);
            pub.issn = body.substr(0, 4) + "-" + body.substr(4) + issn_check(body);
            pub.title = std::string(topic) + (index % 2 == 0 ? "季刊" : "月刊");
            pub.list_price = 150 + 10 * static_cast<int>(rng.below(16));
        } else {
            // 978 + group + a 3-digit publisher prefix per agency + a 3-digit title number.
            std::string body = "978";
            body += ISBN_GROUPS[static_cast<std::size_t>(a % 3)];
            append_padded(body, static_cast<std::uint64_t>(100 + a), 3);
            append_padded(body, static_cast<std::uint64_t>(index), 3);
            pub.isbn = body + isbn13_check(body);
            const std::string_view form =
                pub.kind == Kind::pamphlet ? std::string_view("導覽手冊")
                : pub.kind == Kind::non_book ? std::string_view("影音光碟")
                : pub.kind == Kind::electronic ? std::string_view("電子書光碟")
                                               : FORMS[rng.below(FORMS.size())];
            pub.title = std::string(topic) + std::string(form);
            pub.title += "（第";
            pub.title += std::to_string(index + 1);
            pub.title += "輯）";
            pub.list_price = 150 + 10 * static_cast<int>(rng.below(106));
        }
    }
    return pubs;
}

// ---------------------------------------------------------------------------------------
// Sales, generated identically by both passes.

struct SaleLine {
    int day = 0;
    int store = 0;
    int pub = 0;
    int quantity = 0;
    int sale_price = 0;
    int counter = 0;  // per store and day, for the txn id
    int id_mode = 0;  // 0: GPN and ISBN, 1: GPN only, 2: ISBN only
};

class SalesGenerator {
public:
    SalesGenerator(const std::vector<Publication>& pubs, std::uint64_t lines, std::uint64_t seed)
        : pubs_(pubs), lines_(lines), rng_(seed ^ 0x5a1e5a1e5a1e5a1eULL) {
        // Popularity: a Zipf-like weight over a seeded permutation of the publications.
        std::vector<int> rank(pubs.size());
        for (std::size_t i = 0; i < rank.size(); ++i) {
            rank[i] = static_cast<int>(i);
        }
        for (std::size_t i = rank.size() - 1; i > 0; --i) {
            std::swap(rank[i], rank[rng_.below(static_cast<std::uint32_t>(i + 1))]);
        }
        cumulative_.resize(pubs.size());
        double total = 0;
        for (std::size_t i = 0; i < pubs.size(); ++i) {
            total += 1.0 / std::pow(static_cast<double>(rank[i]) + 8.0, 0.9);
            cumulative_[i] = total;
        }
        double store_total = 0;
        for (std::size_t s = 0; s < STORE_COUNT; ++s) {
            store_total += STORE_WEIGHTS[s];
            store_cumulative_[s] = store_total;
        }
    }

    static int first_day() { return day_number(2025, 12, 1); }
    static int last_day() { return day_number(2026, 5, 31); }

    template <typename Sink> void run(Sink&& sink) {
        const int first = first_day();
        const int days = last_day() - first + 1;
        // Weekends sell 1.5 times a weekday; days get their share by cumulative rounding.
        std::vector<double> weight(static_cast<std::size_t>(days));
        double total = 0;
        for (int d = 0; d < days; ++d) {
            const int weekday = ((first + d) % 7 + 11) % 7;  // 1970-01-01 was a Thursday
            weight[static_cast<std::size_t>(d)] = weekday >= 5 ? 1.5 : 1.0;
            total += weight[static_cast<std::size_t>(d)];
        }
        std::vector<std::int32_t> net(static_cast<std::size_t>(STORE_COUNT) * pubs_.size(), 0);
        std::vector<std::vector<int>> ring(STORE_COUNT, std::vector<int>(RETURN_RING, -1));
        std::array<int, STORE_COUNT> ring_pos{};
        double running = 0;
        std::uint64_t emitted = 0;
        for (int d = 0; d < days; ++d) {
            running += weight[static_cast<std::size_t>(d)];
            const auto target = d == days - 1
                                    ? lines_
                                    : static_cast<std::uint64_t>(
                                          static_cast<double>(lines_) * running / total + 0.5);
            std::array<int, STORE_COUNT> counter{};
            for (; emitted < target; ++emitted) {
                SaleLine line;
                line.day = first + d;
                line.store = pick_store();
                line.counter = ++counter[static_cast<std::size_t>(line.store)];
                auto& store_ring = ring[static_cast<std::size_t>(line.store)];
                int pub = -1;
                if (rng_.unit() < RETURN_SHARE) {
                    // A customer returns a copy bought earlier at this store.
                    for (int attempt = 0; attempt < 4 && pub < 0; ++attempt) {
                        const int candidate = store_ring[rng_.below(RETURN_RING)];
                        if (candidate >= 0 && net[index(line.store, candidate)] > 0) {
                            pub = candidate;
                        }
                    }
                    if (pub >= 0) {
                        line.quantity = -1;
                    }
                }
                if (pub < 0) {
                    pub = pick_publication();
                    const double r = rng_.unit();
                    line.quantity = r < 0.85   ? 1
                                    : r < 0.95 ? 2
                                    : r < 0.98 ? 3
                                               : 4 + static_cast<int>(rng_.below(7));
                    auto& pos = ring_pos[static_cast<std::size_t>(line.store)];
                    store_ring[static_cast<std::size_t>(pos)] = pub;
                    pos = (pos + 1) % RETURN_RING;
                }
                line.pub = pub;
                net[index(line.store, pub)] += line.quantity;
                const int list_price = pubs_[static_cast<std::size_t>(pub)].list_price;
                const double price_roll = rng_.unit();
                line.sale_price = price_roll < 0.80   ? list_price
                                  : price_roll < 0.95 ? (list_price * 9 + 5) / 10
                                                      : (list_price * 79 + 50) / 100;
                const double id_roll = rng_.unit();
                const bool has_isbn = !pubs_[static_cast<std::size_t>(pub)].isbn.empty();
                line.id_mode = !has_isbn ? 1 : id_roll < 0.60 ? 0 : id_roll < 0.95 ? 1 : 2;
                sink(line);
            }
        }
    }

private:
    std::size_t index(int store, int pub) const {
        return static_cast<std::size_t>(store) * pubs_.size() + static_cast<std::size_t>(pub);
    }
    int pick_store() {
        const double x = rng_.unit() * store_cumulative_.back();
        const auto it = std::upper_bound(store_cumulative_.begin(), store_cumulative_.end(), x);
        return std::min(static_cast<int>(it - store_cumulative_.begin()), STORE_COUNT - 1);
    }
    int pick_publication() {
        const double x = rng_.unit() * cumulative_.back();
        const auto it = std::upper_bound(cumulative_.begin(), cumulative_.end(), x);
        return std::min(static_cast<int>(it - cumulative_.begin()),
                        static_cast<int>(cumulative_.size()) - 1);
    }

    const std::vector<Publication>& pubs_;
    std::uint64_t lines_;
    Rng rng_;
    std::vector<double> cumulative_;
    std::array<double, STORE_COUNT> store_cumulative_{};
};

// ---------------------------------------------------------------------------------------
// Writers.

void write_agencies(const std::filesystem::path& dir, Rng& rng) {
    Output out(dir / "agencies.csv");
    out.put("code,name,contact,phone,fax,address,email").end_line();
    for (int a = 0; a < AGENCY_COUNT; ++a) {
        const std::string code = agency_code(a);
        std::string phone = "02-2";
        append_padded(phone, 300 + static_cast<std::uint64_t>(rng.below(600)), 3);
        phone += "-";
        append_padded(phone, 1000 + static_cast<std::uint64_t>(rng.below(8000)), 4);
        std::string fax = phone;
        fax.back() = fax.back() == '9' ? '0' : static_cast<char>(fax.back() + 1);
        std::string lower = code;
        lower[0] = 'a';
        out.put(code).put(',').put(AGENCY_NAMES[static_cast<std::size_t>(a)]).put(',')
            .put(SURNAMES[rng.below(SURNAMES.size())])
            .put(GIVEN_NAMES[rng.below(GIVEN_NAMES.size())]).put(',')
            .put(phone).put(',').put(fax).put(',')
            .put("100臺北市中正區重慶南路一段").num(1 + a * 3).put("號,")
            .put(lower).put(".pub@example.gov.tw");
        out.end_line();
    }
    out.close();
}

void write_stores(const std::filesystem::path& dir) {
    Output out(dir / "stores.csv");
    out.put("code,name,address,email").end_line();
    for (int s = 0; s < STORE_COUNT; ++s) {
        const std::string code = store_code(s);
        std::string lower = code;
        lower[0] = 's';
        out.put(code).put(',').put(STORE_NAMES[static_cast<std::size_t>(s)]).put(',')
            .put(STORE_CITIES[static_cast<std::size_t>(s)]).num(6 + s * 17).put("號,")
            .put(lower).put("@example.com.tw");
        out.end_line();
    }
    out.close();
}

void write_publications(const std::filesystem::path& dir, const std::vector<Publication>& pubs) {
    Output out(dir / "publications.csv");
    out.put("gpn,isbn,issn,title,agency,kind,list_price,pub_date").end_line();
    for (const Publication& p : pubs) {
        out.put(p.gpn).put(',').put(p.isbn).put(',').put(p.issn).put(',').put(p.title).put(',')
            .put(agency_code(p.agency)).put(',').put(kind_code(p.kind)).put(',')
            .num(p.list_price).put(',').put(iso_date(p.pub_date));
        out.end_line();
    }
    out.close();
}

struct ConsignmentList {
    int supply_date;
    int agency;
    int store;
};

//! One list per (agency, store), every publication of the agency, supplied between
//! 2025-09-01 and 2025-11-28; regular quantity = copies the store will sell + a reserve.
std::uint64_t write_consignments(const std::filesystem::path& dir,
                                 const std::vector<Publication>& pubs,
                                 const std::vector<std::int64_t>& sold, Rng& rng) {
    std::vector<ConsignmentList> lists;
    const int first = day_number(2025, 9, 1);
    for (int a = 0; a < AGENCY_COUNT; ++a) {
        for (int s = 0; s < STORE_COUNT; ++s) {
            lists.push_back({first + static_cast<int>(rng.below(89)), a, s});
        }
    }
    std::stable_sort(lists.begin(), lists.end(),
                     [](const ConsignmentList& x, const ConsignmentList& y) {
                         return x.supply_date < y.supply_date;
                     });
    Output out(dir / "consignment.csv");
    out.put("list_no,agency,store,supply_date,gpn,title,list_price,quantity,sample").end_line();
    std::uint64_t rows = 0;
    for (const ConsignmentList& list : lists) {
        const std::string agency = agency_code(list.agency);
        const std::string store = store_code(list.store);
        const std::string date = iso_date(list.supply_date);
        const std::string list_no = agency + "-" + store + "-" + compact_date(list.supply_date);
        for (int i = 0; i < PUBS_PER_AGENCY; ++i) {
            const int p = list.agency * PUBS_PER_AGENCY + i;
            const Publication& pub = pubs[static_cast<std::size_t>(p)];
            const std::int64_t need =
                sold[static_cast<std::size_t>(list.store) * pubs.size() + static_cast<std::size_t>(p)];
            const std::int64_t quantity = need + 5 + rng.below(16);
            const auto row = [&](std::int64_t qty, int sample) {
                out.put(list_no).put(',').put(agency).put(',').put(store).put(',').put(date)
                    .put(',').put(pub.gpn).put(',').put(pub.title).put(',').num(pub.list_price)
                    .put(',').num(qty).put(',').num(sample);
                out.end_line();
                ++rows;
            };
            row(quantity, 0);
            if ((p + list.store) % 4 == 0) {
                row(1, 1);  // the first supply's sample copy (要點 11(2))
            }
        }
    }
    out.close();
    return rows;
}

int digits(std::uint64_t value) {
    int n = 1;
    while (value >= 10) {
        value /= 10;
        ++n;
    }
    return n;
}

int usage(const char* program) {
    std::cerr << "usage: " << program << " OUT_DIR [LINES=1000000] [SEED=1]\n"
              << "Writes agencies.csv, stores.csv, publications.csv, consignment.csv and\n"
              << "sales_S01.csv ... sales_S10.csv (LINES lines of period 2026H1 in all) into\n"
              << "OUT_DIR, deterministically.\n";
    return 2;
}

bool parse_count(std::string_view text, std::uint64_t& value) {
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    return ec == std::errc{} && end == text.data() + text.size();
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 2 || argc > 4 || std::string_view(argv[1]) == "--help") {
        return usage(argv[0]);
    }
    std::uint64_t lines = 1'000'000;
    std::uint64_t seed = 1;
    if ((argc >= 3 && !parse_count(argv[2], lines)) || (argc == 4 && !parse_count(argv[3], seed))) {
        return usage(argv[0]);
    }
    try {
        const auto started = std::chrono::steady_clock::now();
        const std::filesystem::path dir = argv[1];
        std::filesystem::create_directories(dir);

        Rng master(seed);
        const std::vector<Publication> pubs = make_publications(master);
        write_agencies(dir, master);
        write_stores(dir);
        write_publications(dir, pubs);

        // Pass 1: copies sold per (store, publication) and the widest txn counter.
        std::vector<std::int64_t> sold(static_cast<std::size_t>(STORE_COUNT) * pubs.size(), 0);
        int max_counter = 0;
        std::uint64_t returns = 0;
        SalesGenerator(pubs, lines, seed).run([&](const SaleLine& line) {
            if (line.quantity > 0) {
                sold[static_cast<std::size_t>(line.store) * pubs.size() +
                     static_cast<std::size_t>(line.pub)] += line.quantity;
            } else {
                ++returns;
            }
            max_counter = std::max(max_counter, line.counter);
        });
        const std::uint64_t consignment_rows = write_consignments(dir, pubs, sold, master);

        // Pass 2: the same lines again, written out.
        const int counter_width = std::max(4, digits(static_cast<std::uint64_t>(max_counter)));
        std::vector<std::string> day_iso;
        std::vector<std::string> day_compact;
        const int first = SalesGenerator::first_day();
        for (int d = first; d <= SalesGenerator::last_day(); ++d) {
            day_iso.push_back(iso_date(d));
            day_compact.push_back(compact_date(d));
        }
        std::vector<std::string> stores;
        for (int s = 0; s < STORE_COUNT; ++s) {
            stores.push_back(store_code(s));
        }
        // One file per store: a sales file holds one store's lines (SPEC §4.5), and the
        // importer rejects a file that names two stores.
        std::vector<std::unique_ptr<Output>> outputs;
        for (const std::string& store : stores) {
            outputs.push_back(std::make_unique<Output>(dir / ("sales_" + store + ".csv")));
            outputs.back()
                ->put("store,sale_date,gpn,isbn,title,quantity,list_price,sale_price,txn_id")
                .end_line();
        }
        std::string txn;
        SalesGenerator(pubs, lines, seed).run([&](const SaleLine& line) {
            const Publication& pub = pubs[static_cast<std::size_t>(line.pub)];
            const auto d = static_cast<std::size_t>(line.day - first);
            const std::string& store = stores[static_cast<std::size_t>(line.store)];
            Output& out = *outputs[static_cast<std::size_t>(line.store)];
            out.put(store).put(',').put(day_iso[d]).put(',');
            if (line.id_mode != 2) {
                out.put(pub.gpn);
            }
            out.put(',');
            if (line.id_mode != 1) {
                out.put(pub.isbn);
            }
            out.put(',').put(pub.title).put(',').num(line.quantity).put(',').num(pub.list_price)
                .put(',').num(line.sale_price).put(',');
            txn.assign(store);
            txn.push_back('-');
            txn.append(day_compact[d]);
            txn.push_back('-');
            append_padded(txn, static_cast<std::uint64_t>(line.counter), counter_width);
            out.put(txn);
            out.end_line();
        });
        for (auto& out : outputs) {
            out->close();
        }

        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        std::cerr << "generate_sales: " << dir.string() << ": " << AGENCY_COUNT << " agencies, "
                  << STORE_COUNT << " stores, " << pubs.size() << " publications, "
                  << consignment_rows << " consignment rows, " << lines << " sales lines ("
                  << returns << " returns) in " << seconds << " s\n";
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "generate_sales: " << e.what() << '\n';
        return 3;
    }
}
