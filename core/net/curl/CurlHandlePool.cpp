#include "CurlHandlePool.h"

CurlHandlePool::~CurlHandlePool()
{
    for (CURL *easy : m_spare)
        curl_easy_cleanup(easy);
}

CurlHandlePool &CurlHandlePool::forThisThread()
{
    // Per thread, as easy handles are not to be shared between threads; destroyed at thread exit.
    thread_local CurlHandlePool pool;
    return pool;
}

CURL *CurlHandlePool::take()
{
    if (m_spare.empty())
        return curl_easy_init();
    CURL *easy = m_spare.back();
    m_spare.pop_back();
    return easy;
}

void CurlHandlePool::giveBack(CURL *easy)
{
    if (!easy)
        return;
    // An OS error number is recorded on a failed connect and never cleared, not even by
    // curl_easy_reset: a handle carrying one would lend it to a later probe's failure message.
    long osErrno = 0;
    curl_easy_getinfo(easy, CURLINFO_OS_ERRNO, &osErrno);
    if (osErrno != 0 || m_spare.size() >= maxSpare) {
        curl_easy_cleanup(easy);
        return;
    }
    curl_easy_reset(easy);
    m_spare.push_back(easy);
}
