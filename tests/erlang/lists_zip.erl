-module(lists_zip).
-export([main/0]).

main() ->
    A = [1, 2, 3, 4], B = [a, b, c, d], C = "wxyz",
    erlang:display(lists:zip(A, B)),
    erlang:display(lists:unzip(lists:zip(A, B))),
    erlang:display(lists:zip3(A, B, C)),
    erlang:display(lists:unzip3(lists:zip3(A, B, C))),
    erlang:display(lists:zipwith(fun(X, Y) -> {Y, X} end, A, B)),
    erlang:display(lists:zip([], [])),
    erlang:display(try lists:zip([1, 2], [a]) catch error:R -> {error, R} end),
    erlang:display(lists:unzip([])),
    Long = lists:seq(1, 5000),
    {X, Y} = lists:unzip([{N, N * N} || N <- Long]),
    erlang:display({length(X), lists:sum(Y)}),
    erlang:display(lists:enumerate([a, b, c])),
    erlang:display(lists:enumerate(10, "xyz")),
    ok.
