#define _GNU_SOURCE
#include "CLiveHubSystem.h"
#include <sched.h>
#include <signal.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <linux/sockios.h>
#include <sys/signalfd.h>
#include <pthread.h>
#include <time.h>
#include <malloc.h>
#include <errno.h>

const uint32_t LIVEHUB_EPOLLIN = EPOLLIN;
const uint32_t LIVEHUB_EPOLLOUT = EPOLLOUT;
const uint32_t LIVEHUB_EPOLLERR = EPOLLERR;
const uint32_t LIVEHUB_EPOLLHUP = EPOLLHUP;
const uint32_t LIVEHUB_EPOLLRDHUP = EPOLLRDHUP;
const uint32_t LIVEHUB_EPOLLET = EPOLLET;
const int LIVEHUB_EPOLL_CTL_ADD = EPOLL_CTL_ADD;
const int LIVEHUB_EPOLL_CTL_MOD = EPOLL_CTL_MOD;
const int LIVEHUB_EPOLL_CTL_DEL = EPOLL_CTL_DEL;

int livehub_epoll_create(void) { return epoll_create1(EPOLL_CLOEXEC); }

int livehub_epoll_ctl(int epfd, int op, int fd, uint32_t events, uint64_t data) {
    struct epoll_event ev;
    ev.events = events;
    ev.data.u64 = data;
    return epoll_ctl(epfd, op, fd, &ev);
}

int livehub_epoll_wait(int epfd, uint32_t *events, uint64_t *data, int maxEvents, int timeoutMs) {
    struct epoll_event buffer[256];
    if (maxEvents > 256) maxEvents = 256;
    int n;
    do { n = epoll_wait(epfd, buffer, maxEvents, timeoutMs); } while (n < 0 && errno == EINTR);
    for (int i = 0; i < n; i++) { events[i] = buffer[i].events; data[i] = buffer[i].data.u64; }
    return n;
}

int livehub_eventfd(void) { return eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC); }

int livehub_accept4(int fd, struct sockaddr *addr, socklen_t *len) {
    return accept4(fd, addr, len, SOCK_NONBLOCK | SOCK_CLOEXEC);
}

int livehub_affinity_cpu_count(void) {
    cpu_set_t set;
    CPU_ZERO(&set);
    if (sched_getaffinity(0, sizeof(set), &set) != 0) return 1;
    int count = CPU_COUNT(&set);
    return count > 0 ? count : 1;
}

void livehub_set_thread_name(const char *name) { pthread_setname_np(pthread_self(), name); }

uint64_t livehub_monotonic_nanoseconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

/* Blocks SIGINT/SIGTERM for the calling thread (call before other threads start, so they inherit the
   mask) and returns a signalfd that becomes readable when one arrives, so shutdown is just another
   epoll event instead of async-signal-unsafe handler code. */
int livehub_signalfd_for_termination(void) {
    sigset_t mask;
    sigemptyset(&mask);
    sigaddset(&mask, SIGINT);
    sigaddset(&mask, SIGTERM);
    if (pthread_sigmask(SIG_BLOCK, &mask, NULL) != 0) return -1;
    signal(SIGPIPE, SIG_IGN);
    return signalfd(-1, &mask, SFD_NONBLOCK | SFD_CLOEXEC);
}

int livehub_unacknowledged_send_bytes(int fd) {
    int queued = 0;
    return ioctl(fd, SIOCOUTQ, &queued) == 0 ? queued : -1;
}

void livehub_set_mmap_threshold(int bytes) { mallopt(M_MMAP_THRESHOLD, bytes); }

void livehub_malloc_trim(void) { malloc_trim(0); }
