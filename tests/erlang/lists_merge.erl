-module(lists_merge).
-export([main/0]).

main() ->
    A = [1, 3, 5, 7], B = [2, 3, 6, 8], C = [0, 4, 9],
    erlang:display(lists:merge(A, B)),
    erlang:display(lists:merge([A, B, C])),
    erlang:display(lists:merge3(A, B, C)),
    erlang:display(lists:umerge(A, B)),
    erlang:display(lists:umerge([A, B, C, A])),
    erlang:display(lists:umerge3(A, B, C)),
    erlang:display(lists:merge(fun(X, Y) -> X >= Y end, lists:reverse(A), lists:reverse(B))),
    erlang:display(lists:umerge(fun(X, Y) -> X >= Y end, lists:reverse(A), lists:reverse(B))),
    KA = [{a, 1}, {c, 3}, {e, 5}], KB = [{b, 2}, {c, 30}, {f, 6}],
    erlang:display(lists:keymerge(1, KA, KB)),
    erlang:display(lists:ukeymerge(1, KA, KB)),
    erlang:display(lists:ukeymerge(1, KB, KA)),
    erlang:display(lists:keymerge(2, [{x, 1}, {y, 5}], [{z, 2}, {w, 4}])),
    erlang:display(lists:merge([], [])),
    erlang:display(lists:merge([[]])),
    Long1 = lists:seq(1, 10000, 2), Long2 = lists:seq(2, 10000, 2),
    M = lists:merge(Long1, Long2),
    erlang:display({length(M), M =:= lists:seq(1, 10000)}),
    ok.
