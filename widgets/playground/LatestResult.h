#pragma once
#include <mutex>
#include <optional>
#include <utility>

// A result handed from the worker thread to the UI thread: the worker puts, the UI takes the latest,
// and a result the UI had no time for is replaced rather than queued. A mutex orders the hand-over,
// not Qt's event queue, whose synchronisation ThreadSanitizer cannot see (it lives in Qt Core).
template <class T>
class LatestResult {
public:
    LatestResult() = default;
    // Destroyed in the worker thread, maybe after the UI thread's last take: the lock orders the two.
    ~LatestResult() { std::lock_guard lock(mutex_); }
    LatestResult(const LatestResult&) = delete;
    LatestResult& operator=(const LatestResult&) = delete;

    void put(T value)
    {
        std::lock_guard lock(mutex_);
        value_ = std::move(value);
    }
    std::optional<T> take()
    {
        std::lock_guard lock(mutex_);
        return std::exchange(value_, std::nullopt);
    }

private:
    std::mutex mutex_;
    std::optional<T> value_;
};
