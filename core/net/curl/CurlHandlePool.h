#pragma once

#include <curl/curl.h>

#include <vector>

// Spare libcurl easy handles of one thread, so that a probe does not pay for curl_easy_init and
// curl_easy_cleanup (some 20 KB of state and buffers allocated, filled and freed) every time.
//
// A handle given back is curl_easy_reset: every option and every figure of the last transfer is
// gone, only its memory stays. It keeps no connection (they belong to the multi handle) and its
// TLS session cache is switched off where a probe wants a fresh connection, so a reused handle
// still makes a first-time visit.
class CurlHandlePool final
{
public:
    static constexpr std::size_t maxSpare = 256;

    CurlHandlePool() = default;
    ~CurlHandlePool();
    CurlHandlePool(const CurlHandlePool &) = delete;
    CurlHandlePool &operator=(const CurlHandlePool &) = delete;

    // The calling thread's pool.
    static CurlHandlePool &forThisThread();

    CURL *take(); // a reset spare, else a new handle; null only if curl cannot make one
    void giveBack(CURL *easy); // must be out of any multi handle; null is ignored

    std::size_t spareCount() const { return m_spare.size(); }

private:
    std::vector<CURL *> m_spare;
};
