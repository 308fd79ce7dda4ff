#pragma once

#include "endpoint/ProbeSpec.h"
#include "net/NetContext.h"
#include "probe/ProbeResult.h"

#include <QCoroTask>
#include <QPointer>

#include <memory>

class CurlMulti;

// Probes an http:// or https:// endpoint with libcurl: one request (following redirects up to
// max_redirects) on a fresh connection with a fresh name lookup unless http.reuseConnection, judged
// by its status, body and, for https, its certificate. Phases and latency are curl's own timings.
//
// Many probes run at once through one CurlMulti, which sets no per-host limit, so probes of one
// host never wait for each other.
class HttpProbe final
{
public:
    // The multi must outlive the probes run through it; a probe still running when it goes ends Cancelled.
    explicit HttpProbe(CurlMulti *multi);

    // The context is started by the caller. Returns Up or Down; Down for a timeout or a cancel too,
    // as ProbeResult::aborted(*context) with the phases measured so far.
    QCoro::Task<ProbeResult> run(ProbeSpec spec, std::shared_ptr<NetContext> context);

private:
    QPointer<CurlMulti> m_multi;
};
