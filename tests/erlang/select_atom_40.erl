-module(select_atom_40).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    Atoms = [alpha, beta, gamma, delta, epsilon, zeta, eta, theta, iota, kappa, lambda, mu, nu, xi, omicron, pi, rho, sigma, tau, upsilon, phi, chi, psi, omega, red, green, blue, cyan, magenta, yellow, black, white, north, south, east, west, up, down, left, right, unknown, 'Alpha', 42],
    erlang:display([greek(id(A)) || A <- Atoms]),
    erlang:display([kind(id(A)) || A <- Atoms]),
    erlang:display(lists:sum([greek(A) || A <- Atoms, is_integer(greek(A))])),
    ok.

greek(alpha) -> 0;
greek(beta) -> 1;
greek(gamma) -> 4;
greek(delta) -> 9;
greek(epsilon) -> 16;
greek(zeta) -> 25;
greek(eta) -> 36;
greek(theta) -> 49;
greek(iota) -> 64;
greek(kappa) -> 81;
greek(lambda) -> 100;
greek(mu) -> 121;
greek(nu) -> 144;
greek(xi) -> 169;
greek(omicron) -> 196;
greek(pi) -> 225;
greek(rho) -> 256;
greek(sigma) -> 289;
greek(tau) -> 324;
greek(upsilon) -> 361;
greek(phi) -> 400;
greek(chi) -> 441;
greek(psi) -> 484;
greek(omega) -> 529;
greek(red) -> 576;
greek(green) -> 625;
greek(blue) -> 676;
greek(cyan) -> 729;
greek(magenta) -> 784;
greek(yellow) -> 841;
greek(black) -> 900;
greek(white) -> 961;
greek(north) -> 1024;
greek(south) -> 1089;
greek(east) -> 1156;
greek(west) -> 1225;
greek(up) -> 1296;
greek(down) -> 1369;
greek(left) -> 1444;
greek(right) -> 1521;
greek(Other) -> {unknown, Other}.

kind(A) ->
    case A of
        alpha -> letter;
        beta -> letter;
        gamma -> letter;
        delta -> letter;
        epsilon -> letter;
        zeta -> letter;
        eta -> letter;
        theta -> letter;
        iota -> letter;
        kappa -> letter;
        lambda -> letter;
        mu -> letter;
        nu -> letter;
        xi -> letter;
        omicron -> letter;
        pi -> letter;
        rho -> letter;
        sigma -> letter;
        tau -> letter;
        upsilon -> letter;
        phi -> letter;
        chi -> letter;
        psi -> letter;
        omega -> letter;
        red -> color;
        green -> color;
        blue -> color;
        cyan -> color;
        magenta -> color;
        yellow -> color;
        black -> color;
        white -> color;
        north -> direction;
        south -> direction;
        east -> direction;
        west -> direction;
        up -> direction;
        down -> direction;
        left -> direction;
        right -> direction;
        _ -> other
    end.
