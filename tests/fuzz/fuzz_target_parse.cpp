// Target::parse, the "target" of every endpoint of a profile and every line a user types or pastes.
// Beyond not crashing, what the header promises: a refusal says why, and parse(toString()) gives the
// same target back (a profile saved and read again probes what it probed before), as Fuzz::sameTarget
// compares them.

#include "FuzzSupport.h"
#include "endpoint/Target.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QString text = Fuzz::text(data, size);
    QString error;
    const auto target = Target::parse(text, &error);
    if (!target) {
        FUZZ_CHECK(!error.isEmpty(), text);
        return 0;
    }
    FUZZ_CHECK(!target->host.isEmpty(), text);
    const QString canonical = target->toString();
    QString againError;
    const auto again = Target::parse(canonical, &againError);
    FUZZ_CHECK(again.has_value(), text + QStringLiteral(" -> ") + canonical + QStringLiteral(": ") + againError);
    FUZZ_CHECK(Fuzz::sameTarget(*again, *target),
               text + QStringLiteral(" -> ") + canonical + QStringLiteral(" -> ") + again->toString());
    return 0;
}
