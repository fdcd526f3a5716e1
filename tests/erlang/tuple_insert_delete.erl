-module(tuple_insert_delete).
-export([main/0, id/1]).

id(X) -> X.

t(F) -> try F() catch C:R -> {C, R} end.

main() ->
    T = id({b, c, d}),
    erlang:display(erlang:insert_element(1, T, a)),
    erlang:display(erlang:insert_element(4, T, e)),
    erlang:display(erlang:insert_element(2, T, x)),
    erlang:display(erlang:delete_element(1, T)),
    erlang:display(erlang:delete_element(3, T)),
    erlang:display(erlang:delete_element(2, T)),
    erlang:display(erlang:delete_element(1, {only})),
    erlang:display(erlang:insert_element(1, {}, first)),
    erlang:display(t(fun() -> erlang:insert_element(5, T, x) end)),
    erlang:display(t(fun() -> erlang:delete_element(4, T) end)),
    erlang:display(t(fun() -> erlang:delete_element(1, {}) end)),
    erlang:display(t(fun() -> erlang:insert_element(0, T, x) end)),
    Big = list_to_tuple(lists:seq(1, 1000)),
    B2 = erlang:delete_element(500, erlang:insert_element(1, Big, zero)),
    erlang:display({tuple_size(B2), element(1, B2), element(500, B2), element(501, B2), element(1000, B2)}),
    erlang:display(lists:foldl(fun(I, Acc) -> erlang:insert_element(I, Acc, I) end, {}, lists:seq(1, 10))),
    erlang:display(lists:foldl(fun(_, Acc) -> erlang:delete_element(1, Acc) end, list_to_tuple(lists:seq(1, 10)), lists:seq(1, 7))),
    ok.
