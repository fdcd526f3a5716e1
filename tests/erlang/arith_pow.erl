-module(arith_pow).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    erlang:display(pow(2, 100)),
    erlang:display(pow(3, 200)),
    erlang:display(pow(-7, 51)),
    erlang:display(pow(10, 80) - 1),
    erlang:display(fact(id(100))),
    erlang:display(fact(id(25)) div fact(id(20))),
    erlang:display(fib(id(300))),
    erlang:display(length(integer_to_list(fact(id(500))))),
    erlang:display(digit_sum(pow(2, 1000))),
    erlang:display(modpow(3, 1000000, 1000000007)),
    erlang:display(modpow(id(12345678901234567890), 65537, pow(2, 127) - 1)),
    erlang:display(binomial(100, 50)),
    erlang:display([pow(2, K) - 1 || K <- [31, 32, 61, 62, 63, 64, 127, 128]]),
    erlang:display(isqrt(pow(10, 60))),
    erlang:display(isqrt(pow(2, 201))),
    erlang:display(catalan(60)),
    ok.

pow(_, 0) -> 1;
pow(B, E) when E rem 2 =:= 0 -> H = pow(B, E div 2), H * H;
pow(B, E) -> B * pow(B, E - 1).

fact(0) -> 1;
fact(N) -> N * fact(N - 1).

fib(N) -> fib(N, 0, 1).
fib(0, A, _) -> A;
fib(N, A, B) -> fib(N - 1, B, A + B).

digit_sum(N) -> lists:sum([C - $0 || C <- integer_to_list(N)]).

modpow(_, 0, _) -> 1;
modpow(B, E, M) when E rem 2 =:= 0 -> H = modpow(B, E div 2, M), H * H rem M;
modpow(B, E, M) -> B * modpow(B, E - 1, M) rem M.

binomial(N, K) -> fact(N) div (fact(K) * fact(N - K)).

isqrt(N) -> isqrt(N, N).
isqrt(N, X) ->
    Y = (X + N div X) div 2,
    if Y >= X -> X; true -> isqrt(N, Y) end.

catalan(N) -> binomial(2 * N, N) div (N + 1).
