-module(app_roman).
-export([main/0]).

%% Roman numerals, base conversions and number words.
main() ->
    Ns = [1, 4, 9, 14, 40, 90, 400, 1994, 2024, 3999],
    erlang:display([to_roman(N) || N <- Ns]),
    erlang:display([from_roman(to_roman(N)) || N <- Ns] =:= Ns),
    erlang:display(lists:all(fun(N) -> from_roman(to_roman(N)) =:= N end, lists:seq(1, 3999))),
    erlang:display([words(N) || N <- [0, 7, 13, 21, 100, 115, 999, 1001, 123456]]),
    erlang:display([to_base(255, B) || B <- [2, 3, 7, 16, 36]]),
    erlang:display([from_base(to_base(123456789, B), B) || B <- lists:seq(2, 36)] =:= lists:duplicate(35, 123456789)),
    ok.

to_roman(0) -> "";
to_roman(N) ->
    {V, S} = hd([P || {V1, _} = P <- table(), V1 =< N]),
    S ++ to_roman(N - V).

table() -> [{1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"},
            {50, "L"}, {40, "XL"}, {10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}].

from_roman(S) -> from_roman(S, 0).
from_roman([], Acc) -> Acc;
from_roman([A, B | T], Acc) ->
    case {val(A), val(B)} of
        {VA, VB} when VA < VB -> from_roman(T, Acc + VB - VA);
        {VA, _} -> from_roman([B | T], Acc + VA)
    end;
from_roman([A], Acc) -> Acc + val(A).

val($I) -> 1; val($V) -> 5; val($X) -> 10; val($L) -> 50;
val($C) -> 100; val($D) -> 500; val($M) -> 1000.

words(0) -> "zero";
words(N) -> string:trim(w(N)).

w(0) -> "";
w(N) when N < 20 ->
    element(N, {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"});
w(N) when N < 100 ->
    T = element(N div 10 - 1, {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}),
    case N rem 10 of 0 -> T; R -> T ++ "-" ++ w(R) end;
w(N) when N < 1000 -> w(N div 100) ++ " hundred" ++ sep(N rem 100);
w(N) -> w(N div 1000) ++ " thousand" ++ sep(N rem 1000).

sep(0) -> "";
sep(R) -> " " ++ w(R).

to_base(0, _) -> "0";
to_base(N, B) -> to_base(N, B, []).
to_base(0, _, Acc) -> Acc;
to_base(N, B, Acc) -> to_base(N div B, B, [digit(N rem B) | Acc]).
digit(D) when D < 10 -> $0 + D;
digit(D) -> $a + D - 10.

from_base(S, B) -> lists:foldl(fun(C, Acc) -> Acc * B + undigit(C) end, 0, S).
undigit(C) when C >= $a -> C - $a + 10;
undigit(C) -> C - $0.
