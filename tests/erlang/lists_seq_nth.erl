-module(lists_seq_nth).
-export([main/0]).

t(F) -> try F() catch C:R -> {C, R} end.

main() ->
    erlang:display(lists:seq(1, 10)),
    erlang:display(lists:seq(10, 1, -3)),
    erlang:display(lists:seq(0, 100, 25)),
    erlang:display(lists:seq(5, 4)),
    erlang:display(lists:seq(-3, 3)),
    erlang:display(t(fun() -> lists:seq(5, 1) end)),
    L = "abcdefghij",
    erlang:display(lists:nth(1, L)),
    erlang:display(lists:nth(10, L)),
    erlang:display(t(fun() -> lists:nth(11, L) end)),
    erlang:display(lists:nthtail(3, L)),
    erlang:display(lists:nthtail(10, L)),
    erlang:display(lists:sublist(L, 3)),
    erlang:display(lists:sublist(L, 4, 3)),
    erlang:display(lists:sublist(L, 8, 100)),
    erlang:display(lists:sublist(L, 11, 2)),
    erlang:display(lists:last(L)),
    erlang:display(lists:droplast(L)),
    erlang:display(lists:duplicate(5, x)),
    erlang:display(lists:duplicate(0, x)),
    erlang:display(lists:duplicate(3, [a])),
    erlang:display(length(lists:seq(1, 1000000))),
    erlang:display(lists:sum(lists:seq(1, 1000000, 7))),
    erlang:display(lists:seq(1 bsl 60 - 2, 1 bsl 60 + 2)),
    ok.
