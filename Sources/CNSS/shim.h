// NSS, the crypto library poppler validates signatures with: only its initialisation is called
// from Swift, so that poppler finds the trust store evidenced chose.
#include <nss.h>
