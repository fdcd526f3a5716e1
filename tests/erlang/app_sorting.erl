-module(app_sorting).
-export([main/0]).

%% Sorting algorithms on 10000 integers from a linear congruential generator.
main() ->
    L = lcg(2024, 10000),
    Ref = lists:sort(L),
    erlang:display(lists:sublist(L, 8)),
    erlang:display({quicksort, quicksort(L) =:= Ref}),
    erlang:display({mergesort, mergesort(L) =:= Ref}),
    erlang:display({heapsort, heapsort(L) =:= Ref}),
    erlang:display({insertion, insertion(lists:sublist(L, 500)) =:= lists:sort(lists:sublist(L, 500))}),
    erlang:display({radix, radix(L) =:= Ref}),
    erlang:display({counting, counting(L) =:= Ref}),
    erlang:display(lists:sublist(Ref, 10)),
    erlang:display(lists:nthtail(9990, Ref)),
    erlang:display(lists:sum(Ref)),
    ok.

lcg(Seed, N) -> lcg(Seed, N, []).
lcg(_, 0, Acc) -> Acc;
lcg(S, N, Acc) ->
    S1 = (S * 6364136223846793005 + 1442695040888963407) band 16#FFFFFFFFFFFFFFFF,
    lcg(S1, N - 1, [(S1 bsr 33) rem 100000 | Acc]).

quicksort([]) -> [];
quicksort([P | T]) ->
    {Lo, Hi} = lists:partition(fun(X) -> X < P end, T),
    quicksort(Lo) ++ [P | quicksort(Hi)].

mergesort([]) -> [];
mergesort([X]) -> [X];
mergesort(L) ->
    {A, B} = lists:split(length(L) div 2, L),
    merge(mergesort(A), mergesort(B)).

merge([], B) -> B;
merge(A, []) -> A;
merge([X | A], [Y | _] = B) when X =< Y -> [X | merge(A, B)];
merge(A, [Y | B]) -> [Y | merge(A, B)].

%% Leftist heap.
heapsort(L) -> drain(lists:foldl(fun hinsert/2, nil, L)).
hinsert(X, H) -> hmerge({1, X, nil, nil}, H).
hmerge(nil, H) -> H;
hmerge(H, nil) -> H;
hmerge({_, X, L1, R1}, {_, Y, _, _} = H2) when X =< Y -> make(X, L1, hmerge(R1, H2));
hmerge(H1, H2) -> hmerge(H2, H1).
make(X, A, B) ->
    case rank(A) >= rank(B) of
        true -> {rank(B) + 1, X, A, B};
        false -> {rank(A) + 1, X, B, A}
    end.
rank(nil) -> 0;
rank({R, _, _, _}) -> R.
drain(nil) -> [];
drain({_, X, L, R}) -> [X | drain(hmerge(L, R))].

insertion(L) -> lists:foldl(fun ins/2, [], L).
ins(X, []) -> [X];
ins(X, [H | T]) when X =< H -> [X, H | T];
ins(X, [H | T]) -> [H | ins(X, T)].

radix(L) -> radix(L, 1, 100000).
radix(L, Div, Max) when Div >= Max -> L;
radix(L, Div, Max) ->
    Buckets = lists:foldl(fun(X, Acc) -> D = (X div Div) rem 10, setelement(D + 1, Acc, [X | element(D + 1, Acc)]) end,
                          erlang:make_tuple(10, []), L),
    radix(lists:append([lists:reverse(B) || B <- tuple_to_list(Buckets)]), Div * 10, Max).

counting(L) ->
    Counts = lists:foldl(fun(X, M) -> maps:update_with(X, fun(C) -> C + 1 end, 1, M) end, #{}, L),
    lists:append([lists:duplicate(C, K) || {K, C} <- lists:sort(maps:to_list(Counts))]).
