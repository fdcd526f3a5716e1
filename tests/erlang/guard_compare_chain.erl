-module(guard_compare_chain).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    [erlang:display({X, grade(X), fizz(X), band_of(X)}) || X <- [id(Y) || Y <- [0, 3, 5, 15, 45, 59, 60, 75, 89, 90, 100, 101, -1]]],
    erlang:display([clamp(X, 10, 20) || X <- [5, 10, 15, 20, 25, 15.5, 9.99]]),
    erlang:display([between(X) || X <- [a, 1, [], "a", {}, <<>>, #{}]]),
    ok.

grade(X) when X < 0; X > 100 -> invalid;
grade(X) when X >= 90 -> a;
grade(X) when X >= 75, X < 90 -> b;
grade(X) when X >= 60 -> c;
grade(_) -> f.

fizz(X) when X rem 15 =:= 0 -> fizzbuzz;
fizz(X) when X rem 3 =:= 0 -> fizz;
fizz(X) when X rem 5 =:= 0 -> buzz;
fizz(X) -> X.

band_of(X) when X =< 10 -> low;
band_of(X) when X > 10, X =< 50; X =:= 100 -> mid;
band_of(_) -> high.

clamp(X, Lo, _) when X < Lo -> Lo;
clamp(X, _, Hi) when X > Hi -> Hi;
clamp(X, _, _) -> X.

between(X) when X > 0, X < [] -> between_num_and_nil;
between(X) when X >= [], X < <<>> -> list;
between(X) when X > {}, X < [] -> map;
between(X) when X >= <<>> -> bits;
between(X) -> {other, X}.
