-module(app_bignum_pi).
-export([main/0]).

%% Digits of pi (Machin's formula) and e with bignum fixed-point arithmetic.
main() ->
    Pi = pi(300),
    erlang:display(integer_to_list(Pi)),
    erlang:display(lists:sublist(integer_to_list(e(200)), 60)),
    erlang:display(sqrt2(100)),
    erlang:display(digit_counts(integer_to_list(Pi))),
    erlang:display(integer_to_list(Pi) =:= integer_to_list(pi(300))),
    ok.

pi(Digits) ->
    Unity = pow10(Digits + 10),
    P = 4 * (4 * arctan_inv(5, Unity) - arctan_inv(239, Unity)),
    P div pow10(10).

arctan_inv(X, Unity) -> arctan_sum(Unity div X, X * X, 1, 1, 0).
arctan_sum(0, _, _, _, Sum) -> Sum;
arctan_sum(Term, X2, N, Sign, Sum) ->
    arctan_sum(Term div X2, X2, N + 2, -Sign, Sum + Sign * (Term div N)).

e(Digits) ->
    Unity = pow10(Digits + 10),
    e_sum(Unity, 1, Unity) div pow10(10).
e_sum(0, _, Sum) -> Sum;
e_sum(Term, N, Sum) -> T = Term div N, e_sum(T, N + 1, Sum + T).

sqrt2(Digits) -> isqrt(2 * pow10(2 * Digits)).

isqrt(N) -> isqrt(N, N).
isqrt(N, X) ->
    Y = (X + N div X) div 2,
    if Y >= X -> X; true -> isqrt(N, Y) end.

pow10(0) -> 1;
pow10(N) -> 10 * pow10(N - 1).

digit_counts(S) -> [{D - $0, length([C || C <- S, C =:= D])} || D <- lists:seq($0, $9)].
