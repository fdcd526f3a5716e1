-module(app_pqueue).
-export([main/0]).

%% A priority queue on gb_trees, and a scheduler simulation with it.
main() ->
    Q0 = new(),
    Q1 = lists:foldl(fun({P, V}, Q) -> push(P, V, Q) end, Q0,
                     [{5, e}, {1, a}, {3, c}, {1, a2}, {4, d}, {2, b}, {5, e2}, {0, z}]),
    erlang:display(qsize(Q1)),
    {Items, Q2} = pop_n(5, Q1, []),
    erlang:display(Items),
    erlang:display(qsize(Q2)),
    erlang:display(drain(Q2)),
    Jobs = [{(I * 7919) rem 101, {job, I}} || I <- lists:seq(1, 200)],
    QJ = lists:foldl(fun({P, V}, Q) -> push(P, V, Q) end, new(), Jobs),
    All = drain(QJ),
    erlang:display(length(All)),
    erlang:display(lists:sublist(All, 6)),
    erlang:display(is_sorted([P || {P, _} <- All])),
    T = gb_trees:from_orddict([{K, K * K} || K <- lists:seq(1, 20)]),
    erlang:display(gb_trees:lookup(7, T)),
    erlang:display(gb_trees:smallest(T)),
    erlang:display(gb_trees:largest(T)),
    erlang:display(gb_trees:keys(gb_trees:delete(10, T))),
    erlang:display(gb_trees:size(gb_trees:enter(100, x, T))),
    It = gb_trees:iterator_from(15, T),
    {K1, V1, It2} = gb_trees:next(It),
    {K2, _, _} = gb_trees:next(It2),
    erlang:display({K1, V1, K2}),
    ok.

new() -> {0, gb_trees:empty()}.

push(P, V, {Seq, T}) -> {Seq + 1, gb_trees:insert({P, Seq}, V, T)}.

pop({Seq, T}) ->
    case gb_trees:is_empty(T) of
        true -> empty;
        false -> {{P, _}, V, T2} = gb_trees:take_smallest(T), {{P, V}, {Seq, T2}}
    end.

qsize({_, T}) -> gb_trees:size(T).

pop_n(0, Q, Acc) -> {lists:reverse(Acc), Q};
pop_n(N, Q, Acc) -> {X, Q2} = pop(Q), pop_n(N - 1, Q2, [X | Acc]).

drain(Q) ->
    case pop(Q) of
        empty -> [];
        {X, Q2} -> [X | drain(Q2)]
    end.

is_sorted([A, B | T]) when A =< B -> is_sorted([B | T]);
is_sorted([_, _ | _]) -> false;
is_sorted(_) -> true.
