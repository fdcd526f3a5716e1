-module(misc_code_loaded).
-export([main/0]).

%% Which modules are loaded: the preloaded ones always, this one, and one
%% after its first call.
main() ->
    erlang:display(erlang:module_loaded(?MODULE)),
    erlang:display(erlang:module_loaded(no_such_module_here)),
    erlang:display(erlang:module_loaded(erlang)),
    Pre = erlang:pre_loaded(),
    erlang:display(length(Pre)),
    erlang:display(lists:sort(Pre)),
    erlang:display(lists:all(fun erlang:module_loaded/1, Pre)),
    erlang:display(lists:reverse([1, 2])),
    erlang:display(erlang:module_loaded(lists)),
    Loaded = erlang:loaded(),
    erlang:display(lists:all(fun is_atom/1, Loaded)),
    erlang:display([lists:member(M, Loaded) || M <- [?MODULE, lists, erlang, init]]),
    erlang:display(lists:member(no_such_module_here, Loaded)),
    erlang:display(length(Loaded) =:= length(lists:usort(Loaded))),
    erlang:display(lists:all(fun erlang:module_loaded/1, Loaded)),
    erlang:display([try erlang:module_loaded(X) catch C:R -> {C, R} end
                    || X <- ["lists", 1, {lists}]]),
    ok.
