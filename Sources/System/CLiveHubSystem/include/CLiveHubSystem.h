#ifndef LIVEHUB_CSYSTEM_H
#define LIVEHUB_CSYSTEM_H
/* Linux calls and constants that `import Glibc` does not expose to Swift. */
#include <stdint.h>
#include <sys/types.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <netinet/in.h>

int livehub_epoll_create(void);
int livehub_epoll_ctl(int epfd, int op, int fd, uint32_t events, uint64_t data);
/* Fills parallel arrays so Swift never touches the packed struct epoll_event. */
int livehub_epoll_wait(int epfd, uint32_t *events, uint64_t *data, int maxEvents, int timeoutMs);
int livehub_eventfd(void);
int livehub_accept4(int fd, struct sockaddr *addr, socklen_t *len);
/* Number of CPUs in this process's affinity mask (>= 1). */
int livehub_affinity_cpu_count(void);
/* Names the calling thread (pthread_setname_np is a GNU extension Glibc does not export to Swift). */
void livehub_set_thread_name(const char *name);
uint64_t livehub_monotonic_nanoseconds(void);
int livehub_signalfd_for_termination(void);
/// Bytes in a TCP socket's send queue not yet acknowledged by the peer (SIOCOUTQ), or -1.
int livehub_unacknowledged_send_bytes(int fd);
/* glibc malloc tuning (malloc.h is not part of the Glibc module): allocations of at least `bytes`
   come from mmap; and malloc_trim(0). */
void livehub_set_mmap_threshold(int bytes);
void livehub_malloc_trim(void);

extern const uint32_t LIVEHUB_EPOLLIN;
extern const uint32_t LIVEHUB_EPOLLOUT;
extern const uint32_t LIVEHUB_EPOLLERR;
extern const uint32_t LIVEHUB_EPOLLHUP;
extern const uint32_t LIVEHUB_EPOLLRDHUP;
extern const uint32_t LIVEHUB_EPOLLET;
extern const int LIVEHUB_EPOLL_CTL_ADD;
extern const int LIVEHUB_EPOLL_CTL_MOD;
extern const int LIVEHUB_EPOLL_CTL_DEL;
#endif
