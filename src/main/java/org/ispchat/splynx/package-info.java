/**
 * The ISP's billing system, Splynx: the MicroProfile REST client and its DTOs (named exactly as
 * Splynx names things), and the {@link org.ispchat.splynx.SplynxAccounts} façade that speaks the
 * ISP's words ({@code Account}, {@code Plan}, {@code Usage}, ...). Only this package knows Splynx's
 * names. The sandbox, the same façade over demo data in ispchat's own database, stands in when
 * {@code splynx.url} is unset.
 *
 * <p>May import {@code chat} and {@code platform}; the core never imports this package.
 */
package org.ispchat.splynx;
