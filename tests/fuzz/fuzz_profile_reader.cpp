// ProfileReader::fromJson, for profiles people share. Beyond not crashing: a profile either reads
// or says what is wrong, never both; and one that reads is saved and read back to the same text (a
// save loses nothing and changes nothing of what is probed).

#include "FuzzSupport.h"
#include "endpoint/ProfileReader.h"
#include "endpoint/ProfileWriter.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray json(reinterpret_cast<const char *>(data), qsizetype(size));
    const ProfileReadResult read = ProfileReader::fromJson(json);
    FUZZ_CHECK(read.ok() == read.problems.isEmpty(), read.problems.join(QLatin1Char('\n')));
    if (!read.ok()) {
        for (const QString &problem : read.problems)
            FUZZ_CHECK(!problem.trimmed().isEmpty(), read.problems.join(QLatin1Char('\n')));
        return 0;
    }
    const QByteArray saved = ProfileWriter::toJson(*read.profile);
    const ProfileReadResult again = ProfileReader::fromJson(saved);
    FUZZ_CHECK(again.ok(), QString::fromUtf8(saved) + again.problems.join(QLatin1Char('\n')));
    FUZZ_CHECK(again.profile->endpoints.size() == read.profile->endpoints.size(), QString::fromUtf8(saved));
    for (qsizetype i = 0; i < read.profile->endpoints.size(); ++i) {
        const Endpoint &before = read.profile->endpoints.at(i);
        const Endpoint &after = again.profile->endpoints.at(i);
        const ProbeSpec &was = before.probe;
        const ProbeSpec &is = after.probe;
        FUZZ_CHECK(Fuzz::sameTarget(was.target, is.target) && before.id == after.id && before.name == after.name
                       && was.http == is.http && was.icmp == is.icmp && was.dns == is.dns && before.tags == after.tags
                       && before.intervalS == after.intervalS && was.timeoutMs == is.timeoutMs,
                   QString::fromUtf8(saved));
    }
    const QByteArray savedAgain = ProfileWriter::toJson(*again.profile);
    FUZZ_CHECK(savedAgain == saved,
               QString::fromUtf8(saved) + QStringLiteral("\n---\n") + QString::fromUtf8(savedAgain));
    return 0;
}
