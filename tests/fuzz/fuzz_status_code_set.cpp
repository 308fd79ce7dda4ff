// StatusCodeSet::parse, a profile's http.expect_status ("200-299,301"). Beyond not crashing: a
// refusal says why, a set holds only codes from 100 to 599, and parse(toString()) gives it back.

#include "FuzzSupport.h"
#include "endpoint/StatusCodeSet.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QString text = Fuzz::text(data, size);
    QString error;
    const auto set = StatusCodeSet::parse(text, &error);
    if (!set) {
        FUZZ_CHECK(!error.isEmpty(), text);
        return 0;
    }
    const QString canonical = set->toString();
    const auto again = StatusCodeSet::parse(canonical, &error);
    FUZZ_CHECK(again && *again == *set, text + QStringLiteral(" -> ") + canonical);
    for (int status = 0; status < 1000; ++status)
        FUZZ_CHECK(!set->contains(status) || (status >= 100 && status <= 599), text);
    return 0;
}
