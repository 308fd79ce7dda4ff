#include "GumboArena.h"

#include <new>

namespace {
constexpr std::size_t blockBytes = 64UL * 1024;
constexpr std::size_t alignment = alignof(std::max_align_t);
} // namespace

void GumboArena::use(GumboOptions &options)
{
    options.allocator = &GumboArena::allocate;
    options.deallocator = &GumboArena::deallocate;
    options.userdata = this;
}

void *GumboArena::allocate(void *self, std::size_t size)
{
    return static_cast<GumboArena *>(self)->take(size);
}

void GumboArena::deallocate(void *, void *)
{
    // All of it goes with the arena.
}

void *GumboArena::take(std::size_t size)
{
    size = (size + alignment - 1) & ~(alignment - 1);
    if (size > m_left) {
        // A large request gets a block of its own, so the current block's rest is not wasted.
        const std::size_t bytes = size > blockBytes / 4 ? size : blockBytes;
        m_blocks.push_back(std::make_unique_for_overwrite<std::byte[]>(bytes));
        std::byte *block = m_blocks.back().get();
        m_used += bytes;
        if (bytes != blockBytes)
            return block;
        m_next = block;
        m_left = blockBytes;
    }
    void *pointer = m_next;
    m_next += size;
    m_left -= size;
    return pointer;
}
