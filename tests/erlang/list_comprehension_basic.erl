-module(list_comprehension_basic).
-export([main/0]).

main() ->
    L = lists:seq(1, 15),
    erlang:display([X * X || X <- L]),
    erlang:display([X || X <- L, X rem 3 =:= 0]),
    erlang:display([X || X <- L, X > 5, X < 10]),
    erlang:display([{X, Y} || X <- [1, 2, 3], Y <- [a, b]]),
    erlang:display([X || {ok, X} <- [{ok, 1}, error, {ok, 2}, {error, 3}, {ok, 3, x}]]),
    erlang:display([X + Y || X <- [1, 2, 3], Y <- [10, 20], X + Y > 12]),
    erlang:display([C - $a || C <- "hello"]),
    erlang:display([[C] || C <- "abc"]),
    erlang:display([X || X <- [a, 1, "s", 2.0, {t}], is_number(X)]),
    erlang:display([true || _ <- [1, 2, 3]]),
    erlang:display([X || X <- []]),
    erlang:display([X || X <- L, X > 100]),
    erlang:display([{I, C} || {I, C} <- lists:zip(lists:seq(1, 5), "abcde"), I rem 2 =:= 1]),
    erlang:display([X || <<X>> <= <<1, 2, 3, 4>>, X > 2]),
    erlang:display(lists:sum([X || X <- lists:seq(1, 1000), X rem 3 =:= 0 orelse X rem 5 =:= 0])),
    erlang:display(length([X || X <- lists:seq(1, 100000), X band 7 =:= 0])),
    Pyth = [{A, B, C} || C <- lists:seq(1, 30), B <- lists:seq(1, C), A <- lists:seq(1, B), A * A + B * B =:= C * C],
    erlang:display(Pyth),
    ok.
