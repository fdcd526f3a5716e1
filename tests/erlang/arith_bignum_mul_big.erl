-module(arith_bignum_mul_big).
-export([main/0]).

main() ->
    A = lcg_big(12345, 120),
    B = lcg_big(67890, 95),
    P = A * B,
    erlang:display(length(integer_to_list(A))),
    erlang:display(length(integer_to_list(P))),
    erlang:display(P rem 1000000007),
    erlang:display(P div A =:= B),
    erlang:display(P rem A),
    erlang:display((P + 12345) rem B),
    erlang:display((P + 12345) div B =:= A),
    Q = A * A - B * B,
    erlang:display(Q =:= (A - B) * (A + B)),
    erlang:display(lists:sublist(integer_to_list(Q), 40)),
    F = fact(1000),
    erlang:display(length(integer_to_list(F))),
    erlang:display(F rem (1 bsl 61 - 1)),
    erlang:display(trailing_zeros(F)),
    erlang:display(F div fact(998)),
    erlang:display(integer_to_list(A, 16) =:= integer_to_list(A bsr 0, 16)),
    erlang:display((A bsl 333) bsr 333 =:= A),
    erlang:display((A band B) + (A bor B) =:= A + B),
    erlang:display((A bxor B) =:= (A bor B) - (A band B)),
    erlang:display(-A div B),
    erlang:display(-A rem B =:= -(A rem B)),
    ok.

lcg_big(Seed, Words) -> lcg_big(Seed, Words, 0).
lcg_big(_, 0, Acc) -> Acc;
lcg_big(S, N, Acc) ->
    S1 = (S * 1103515245 + 12345) rem 2147483648,
    lcg_big(S1, N - 1, (Acc bsl 31) bor S1).

fact(0) -> 1;
fact(N) -> N * fact(N - 1).

trailing_zeros(N) when N rem 10 =:= 0 -> 1 + trailing_zeros(N div 10);
trailing_zeros(_) -> 0.
