-module(arith_gcd_lcm).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    Pairs = [{12, 18}, {17, 5}, {0, 9}, {1071, 462}, {1 bsl 80, 1 bsl 70 * 3},
             {fact(30), fact(20) * 7}, {123456789012345678901234567890, 987654321}],
    [erlang:display({A, B, gcd(A, B), lcm(A, B)}) || {A, B} <- [id(P) || P <- Pairs]],
    erlang:display(lists:foldl(fun lcm/2, 1, lists:seq(1, 50))),
    erlang:display(egcd(id(240), 46)),
    erlang:display(egcd(id(fact(25) + 1), fact(13))),
    erlang:display(modinv(id(17), 3120)),
    erlang:display(modinv(id(65537), (1 bsl 61 - 1) - 1)),
    erlang:display([X || X <- lists:seq(1, 60), gcd(X, 60) =:= 1]),
    ok.

gcd(A, 0) -> abs(A);
gcd(A, B) -> gcd(B, A rem B).

lcm(A, B) -> A * B div gcd(A, B).

egcd(A, 0) -> {A, 1, 0};
egcd(A, B) ->
    {G, X, Y} = egcd(B, A rem B),
    {G, Y, X - (A div B) * Y}.

modinv(A, M) ->
    {1, X, _} = egcd(A, M),
    ((X rem M) + M) rem M.

fact(0) -> 1;
fact(N) -> N * fact(N - 1).
