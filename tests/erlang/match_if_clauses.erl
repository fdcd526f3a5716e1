-module(match_if_clauses).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    [erlang:display({X, sign(X), size_word(X), triangle(X, X + 1, X + 2)}) || X <- [id(Y) || Y <- [-10, -1, 0, 1, 2, 5, 99, 100, 1000]]],
    erlang:display([leap(Y) || Y <- [1900, 2000, 2004, 2023, 2024, 2100]]),
    erlang:display([days(M, 2024) || M <- lists:seq(1, 12)]),
    ok.

sign(X) ->
    if X > 0 -> positive;
       X < 0 -> negative;
       true -> zero
    end.

size_word(X) ->
    if X >= 1000 -> huge;
       X >= 100, X < 1000 -> large;
       X >= 10; X =< -10 -> medium;
       true -> small
    end.

triangle(A, B, C) ->
    if A =< 0; B =< 0; C =< 0 -> invalid;
       A + B =< C -> degenerate;
       A =:= B, B =:= C -> equilateral;
       true -> scalene
    end.

leap(Y) ->
    if Y rem 400 =:= 0 -> true;
       Y rem 100 =:= 0 -> false;
       Y rem 4 =:= 0 -> true;
       true -> false
    end.

days(M, Y) ->
    if M =:= 2 -> case leap(Y) of true -> 29; false -> 28 end;
       M =:= 4; M =:= 6; M =:= 9; M =:= 11 -> 30;
       true -> 31
    end.
