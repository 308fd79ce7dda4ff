#pragma once

#include <gumbo.h>

#include <cstddef>
#include <memory>
#include <vector>

// The memory of one gumbo parse, handed out from large blocks and given back all at once when the
// arena goes. Gumbo makes and frees a few small objects for every tag, attribute and text run
// (measured: malloc and free were a quarter of a crawl's CPU), and everything it makes lives only as
// long as the parse, so nothing is freed one by one. It allocates in all about 1.2 times what it
// holds at its peak, so giving nothing back early costs little.
class GumboArena final
{
public:
    GumboArena() = default;
    GumboArena(const GumboArena &) = delete;
    GumboArena &operator=(const GumboArena &) = delete;

    // Points options' allocator at this arena; the arena must outlive the parse and its output.
    void use(GumboOptions &options);
    std::size_t bytesUsed() const { return m_used; }

private:
    static void *allocate(void *self, std::size_t size);
    static void deallocate(void *self, void *pointer);
    void *take(std::size_t size);

    std::vector<std::unique_ptr<std::byte[]>> m_blocks;
    std::byte *m_next = nullptr;
    std::size_t m_left = 0;
    std::size_t m_used = 0;
};
