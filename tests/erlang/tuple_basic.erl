-module(tuple_basic).
-export([main/0, id/1]).

id(X) -> X.

t(F) -> try F() catch C:R -> {C, R} end.

main() ->
    T = id({a, b, c, d}),
    erlang:display(element(1, T)),
    erlang:display(element(4, T)),
    erlang:display(setelement(2, T, x)),
    erlang:display(setelement(4, setelement(1, T, first), last)),
    erlang:display(T),
    erlang:display(tuple_size(T)),
    erlang:display(tuple_to_list(T)),
    erlang:display(list_to_tuple([1, [2], {3}])),
    erlang:display(erlang:make_tuple(4, z)),
    erlang:display(erlang:make_tuple(5, 0, [{2, a}, {4, b}, {2, c}])),
    erlang:display(erlang:make_tuple(0, q)),
    erlang:display(erlang:append_element(T, e)),
    erlang:display(erlang:append_element({}, only)),
    erlang:display(t(fun() -> element(5, T) end)),
    erlang:display(t(fun() -> element(0, T) end)),
    erlang:display(t(fun() -> element(1, id([a])) end)),
    erlang:display(t(fun() -> setelement(5, T, x) end)),
    erlang:display(t(fun() -> tuple_size(id([a])) end)),
    erlang:display(t(fun() -> list_to_tuple(id([a | b])) end)),
    erlang:display(t(fun() -> erlang:make_tuple(-1, a) end)),
    erlang:display(swap(id({1, 2}))),
    erlang:display(rotate(id({1, 2, 3, 4, 5}), 2)),
    erlang:display(sum_tuple(list_to_tuple(lists:seq(1, 100)))),
    Counter = lists:foldl(fun(I, Acc) -> setelement(I rem 5 + 1, Acc, element(I rem 5 + 1, Acc) + 1) end,
                          erlang:make_tuple(5, 0), lists:seq(1, 1003)),
    erlang:display(Counter),
    erlang:display({{}, {{}}, {{{}}}}),
    ok.

swap({A, B}) -> {B, A}.

rotate(T, N) ->
    L = tuple_to_list(T),
    {A, B} = lists:split(N, L),
    list_to_tuple(B ++ A).

sum_tuple(T) -> sum_tuple(T, tuple_size(T), 0).
sum_tuple(_, 0, Acc) -> Acc;
sum_tuple(T, I, Acc) -> sum_tuple(T, I - 1, Acc + element(I, T)).
